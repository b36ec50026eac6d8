/**
 * What a hostile or careless world types: the words of the articles, the names every JavaScript
 * object answers to, odd Unicode, Discord markup, huge strings, and ids that look almost right. Drawn
 * from a seeded generator, so a run can be repeated exactly from its seed.
 */

/** xorshift32: tiny, fast and the same on every machine; statistical quality hardly matters here. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state / 0x1_0000_0000;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("SeededRandom.pick: no items to pick from");
    // In range by construction; the items themselves may include undefined.
    return items[this.int(items.length)] as T;
  }
}

/** Every name a plain object answers to, and a few more that code often looks up by name. */
export const PROPERTY_NAMES: readonly string[] = [
  ...Object.getOwnPropertyNames(Object.prototype),
  "__proto__",
  "prototype",
  "constructor",
  "then",
  "toJSON",
  "length",
  "caller",
  "arguments",
  "name",
];

const ODD_UNICODE: readonly string[] = [
  "\u0301\u0301\u0301", // combining accents with nothing to sit on
  "Z̵̡̛̗͓̈́a̷̢̛͉l̴g̸o̶",
  "\u202Egnp.exe", // right-to-left override
  "\u200B\u200C\u200D\uFEFF", // zero-width characters
  "👩‍👩‍👧‍👦🇺🇦🏳️‍🌈",
  "\uD800", // a lone surrogate
  "\uDFFF\uD800",
  "\u0000\u0007\u001B[31m",
  "İstanbul ß ﬁ ǅ Σ ς", // case folding and normalization change lengths
  "ＮＡＴＯ ｅｘｐａｎｓｉｏｎ", // full width
  "NATO\u00A0\u2009\u3000expansion",
  "\r\n\t \n\n",
  "٠١٢٣ ۴۵۶", // other digits
  "𝐍𝐀𝐓𝐎",
];

const DISCORD_MARKUP: readonly string[] = [
  "@everyone",
  "@here",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<@&123456789012345678>",
  "<#123456789012345678>",
  "<t:1700000000:R>",
  "[click](https://example.com)",
  "[x](<https://example.com>)",
  "**bold** __under__ ~~gone~~ ||spoiler||",
  "```js\ncode\n```",
  "> quote\n# heading\n-# subtext\n- list\n1. item",
  "`",
  "\\",
  ":flag_ua:",
];

const FILLER_WORDS: readonly string[] = [
  "why",
  "now",
  "what",
  "who",
  "when",
  "NATO",
  "Russia",
  "Ukraine",
  "Putin",
  "missiles",
  "Minsk",
  "expansion",
  "2014",
  "2021-12",
  "Jan",
  "sept",
  "U.S.",
  "us",
  "?",
  "",
];

/** Texts drawn from the articles, so some inputs find real answers and exercise the whole path. */
export interface TextSources {
  words: readonly string[];
  /** Ids and names the bot knows: article ids, people, demand ids, entry ids. */
  knownIds: readonly string[];
}

export class HostileText {
  constructor(
    private readonly random: SeededRandom,
    private readonly sources: TextSources,
  ) {}

  /** One input: usually short and wordy, sometimes long, strange or empty. */
  text(): string {
    const r = this.random;
    switch (r.int(12)) {
      case 0:
        return r.pick(PROPERTY_NAMES);
      case 1:
        return this.#sentence([...PROPERTY_NAMES, ...this.sources.words]);
      case 2:
        return r.pick(ODD_UNICODE) + (r.chance(0.5) ? ` ${this.#sentence(this.sources.words)}` : "");
      case 3:
        return `${r.pick(DISCORD_MARKUP)} ${this.#sentence(this.sources.words)}`;
      case 4:
        return this.huge();
      case 5:
        return this.almostId();
      case 6:
        return r.pick(["", " ", "\n", "?", "??", "-", "0", "-1", "9".repeat(30), "NaN", "null", "undefined"]);
      case 7:
        return this.#sentence(FILLER_WORDS);
      default:
        return this.#sentence(this.sources.words);
    }
  }

  /** 300 characters (the longest question) to 100,000. */
  huge(): string {
    const r = this.random;
    const length = r.pick([299, 300, 301, 1_000, 2_000, 4_097, 6_001, 100_000]);
    const unit = r.pick([
      "NATO ",
      "a",
      "é",
      "😀",
      "\u0301",
      "constructor ",
      "@everyone ",
      "[x](https://e.com) ",
    ]);
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  }

  /** A known id, or one a character away from it, in another case, padded, or doubled. */
  almostId(): string {
    const r = this.random;
    const id = r.pick(this.sources.knownIds);
    switch (r.int(6)) {
      case 0:
        return id;
      case 1:
        return id.toUpperCase();
      case 2:
        return ` ${id} `;
      case 3:
        return `${id}${r.pick(["-2", "x", "/", "..", "\u0000", "ё"])}`;
      case 4:
        return id.slice(0, Math.max(1, r.int(id.length)));
      default:
        return `${id}:${id}`;
    }
  }

  /** A snowflake, or something that is almost one. */
  snowflake(): string {
    const r = this.random;
    if (r.chance(0.9)) return String(1_100_000_000_000_000_000n + BigInt(r.int(1_000_000_000)));
    return r.pick(["0", "-1", "abc", "1".repeat(25), "", "1e21", PROPERTY_NAMES[0] ?? "constructor"]);
  }

  #sentence(words: readonly string[]): string {
    const r = this.random;
    const count = 1 + r.int(12);
    return Array.from({ length: count }, () => r.pick(words)).join(" ");
  }
}
