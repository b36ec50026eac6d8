/**
 * Headings saved in capitals ("PUTIN'S REDLINES") are written back in title case ("Putin's
 * Redlines"), keeping the words the article itself writes in capitals (NATO).
 */

const SMALL_WORDS = new Set("a an and as at but by for in nor of on or the to up via vs".split(" "));

export function isShouted(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function titleCaseShouted(text: string, acronyms: ReadonlySet<string> = new Set()): string {
  return text
    .split(" ")
    .map((word, index) => {
      const core = /^([^\p{L}]*)(\p{L}+)(.*)$/u.exec(word);
      if (!core) return word;
      const [, before = "", letters = "", after = ""] = core;
      if (acronyms.has(letters)) return before + letters + after.toLowerCase();
      const lower = letters.toLowerCase();
      if (index > 0 && SMALL_WORDS.has(lower)) return before + lower + after.toLowerCase();
      return before + lower.charAt(0).toUpperCase() + lower.slice(1) + after.toLowerCase();
    })
    .join(" ");
}

/** Words written in capitals inside the article's prose: acronyms such as NATO, INF or CNA. */
export function acronymsIn(texts: ReadonlyArray<string>): Set<string> {
  const acronyms = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\b\p{Lu}{2,}\b/gu)) acronyms.add(match[0]);
  return acronyms;
}
