import { type AnswerResult, type Excerpt, type Highlight, paragraphOf } from "../answer/answer.ts";
import { formatPartialDate, type MonthStyle } from "../text/partial-date.ts";

/**
 * What one card of an answer shows, the same in Discord and in a terminal: its single best excerpt
 * and, for a demand, one excerpt per labelled section. The rest of the entry's evidence is behind
 * "Sources". Three rules keep a reply short and honest:
 *  - no passage twice in one reply: each excerpt comes from a paragraph nothing above it has shown,
 *    unless a card would show none at all (a quotation whose words its speaker's card quotes too);
 *  - under a section's label, the article's own run-in label ("Russia's reasoning: …") is left off;
 *    what remains is still a verbatim piece of the paragraph;
 *  - only the question's telling words are bold, at most a few a card.
 */
export interface CardContent {
  result: AnswerResult;
  excerpt?: ShownExcerpt;
  sections: Array<{ label: string; excerpt: ShownExcerpt }>;
}

/**
 * An excerpt as a card shows it: `highlights` are the few words in bold, `matched` every word the
 * question matched, which says where in a long excerpt its point is when the card must shorten it.
 */
export interface ShownExcerpt extends Excerpt {
  matched: readonly Highlight[];
}

/** Distinct words in bold on one card, at most. */
export const MAX_BOLD_WORDS = 3;

/**
 * The cards for `shown` (one page), in order. `answer` is every result of the answer: a word the
 * question matched in most of them ("NATO" in an answer about NATO) tells the reader little, one
 * matched in few tells them why this card is here.
 */
export function cardContents(
  shown: readonly AnswerResult[],
  answer: readonly AnswerResult[] = shown,
): CardContent[] {
  const spread = wordSpread(answer);
  const passages = new ShownPassages();
  return shown.map((result) => {
    const bold = boldWords(result, spread);
    const emphasised = new Set<string>();
    // An event's card shows a sentence with its year when one is cited ("The 2019 election of…"),
    // though its paragraph gave an earlier event's card its own sentence.
    const year = result.kind === "event" ? result.date?.slice(0, 4) : undefined;
    const dated = year === undefined ? undefined : (excerpt: Excerpt) => excerpt.text.includes(year);
    const main = passages.pick(result.excerpts, dated);
    const content: CardContent = { result, sections: [] };
    if (main !== undefined) content.excerpt = keepBold(main, bold, emphasised);
    for (const section of result.sections ?? []) {
      const excerpt = passages.pick(section.excerpts);
      if (excerpt === undefined) continue;
      // Under the section's own label, the article's run-in label would say the same thing twice.
      const shown = keepBold(withoutRunInLabel(excerpt), bold, emphasised);
      content.sections.push({ label: section.label, excerpt: shown });
    }
    // A card is never empty: /who ryabkov listed two quotations from the paragraph introducing him
    // with no words at all, only their occasion.
    const [own] = result.excerpts;
    if (content.excerpt === undefined && content.sections.length === 0 && own !== undefined)
      content.excerpt = keepBold(own, bold, emphasised);
    return content;
  });
}

/**
 * What a card is, said before anything else on it: the curators' or a server's moderators' own
 * words (a summary, not a quotation), or one of the kinds of thing the articles are quoted for.
 */
export function cardLabel(result: AnswerResult, months: MonthStyle, serverName?: string): string {
  switch (result.kind) {
    case "qa":
      if (result.guildId === undefined) return "Curators' summary";
      return serverName === undefined ? "Moderators' answer" : `Moderators' answer · ${serverName}`;
    case "demand":
      return "Russia's demand";
    case "event":
      return result.date === undefined ? "Event" : `Event · ${formatPartialDate(result.date, months)}`;
    case "quote":
      return "Quote";
    case "person":
      return "Person";
    case "passage":
      return "Passage";
  }
}

/**
 * A follow-up asking for more ("what else did he say") with nothing left to show: the answers since
 * the question it was read with showed all the articles have on it (see Answer.readWith).
 */
export const NOTHING_MORE =
  "Nothing more in the articles: the answers since your last question showed all they have on it.";

/** What a reply without a card says, by command, in Discord and in a terminal alike. */
export const NOTHING_MATCHES = {
  ask: "Nothing in the articles matches that question. Try other words, or /help for what I know about.",
  demand: "No demand matches that topic. Run /demand without a topic to list them all.",
  quote: "No quotation matches that. Run /quote without options to see them all.",
  timeline: "No dated event falls in that range. Try /timeline without options.",
  who: "No one by that name appears in the articles. Start typing a name and pick one of the suggestions.",
} as const;

/**
 * Who spoke, with their role unless the name already says it: "Senior Biden administration official
 * (unnamed)" is not followed by ", Senior Biden administration official".
 */
export function speakerTitle(speaker: { name: string; role: string }, separator: string): string {
  const folded = (text: string) =>
    text
      .replace(/\s*\([^)]*\)/g, "")
      .trim()
      .toLocaleLowerCase("en");
  return folded(speaker.name).startsWith(folded(speaker.role))
    ? speaker.name
    : `${speaker.name}${separator}${speaker.role}`;
}

/**
 * For a passage whose excerpt quotes someone it does not name ("He added that…"): who speaks, as the
 * curated quotations from its paragraph say.
 */
export function speakingLine(result: AnswerResult): string | undefined {
  return result.kind === "passage" && result.speaker !== undefined
    ? `Speaking: ${speakerTitle(result.speaker, ", ")}`
    : undefined;
}

/** A card's title: the curated question, demand or event; who spoke; or the article (and section). */
export function cardTitle(result: AnswerResult): string {
  const article = result.excerpts[0]?.citation.title;
  switch (result.kind) {
    case "quote":
      return result.speaker === undefined ? (result.heading ?? "Quote") : speakerTitle(result.speaker, ", ");
    case "person":
      return result.person?.name ?? result.heading ?? result.id;
    case "passage":
      return [article, result.heading].filter((part) => part !== undefined).join(" — ") || result.id;
    default:
      return result.heading ?? article ?? result.id;
  }
}

/** Every excerpt of a result, its sections' too: what "Sources" lists and counts. */
export function allExcerpts(result: AnswerResult): Excerpt[] {
  return [...result.excerpts, ...(result.sections ?? []).flatMap((section) => section.excerpts)];
}

/**
 * The paragraphs a reply has shown. A card takes its first excerpt from a paragraph not shown yet;
 * failing that (two quotations from one paragraph, two events dated by one), one whose words are
 * not shown yet; failing that, none.
 */
export class ShownPassages {
  readonly #shown: Excerpt[] = [];

  /** `first`: excerpts to take before the rest, even from a paragraph shown (not its words). */
  pick(excerpts: readonly Excerpt[], first?: (excerpt: Excerpt) => boolean): Excerpt | undefined {
    const newParagraph = (excerpt: Excerpt) =>
      !this.#shown.some((shown) => paragraphOf(shown) === paragraphOf(excerpt));
    const newWords = (excerpt: Excerpt) => !this.#shown.some((shown) => sameWords(shown, excerpt));
    const preferred = first === undefined ? [] : excerpts.filter(first);
    const fresh =
      preferred.find(newParagraph) ??
      preferred.find(newWords) ??
      excerpts.find(newParagraph) ??
      excerpts.find(newWords);
    if (fresh !== undefined) this.#shown.push(fresh);
    return fresh;
  }
}

/** Two excerpts of one paragraph that share a sentence (or one holds the other) show the same words. */
export function sameWords(a: Excerpt, b: Excerpt): boolean {
  if (paragraphOf(a) !== paragraphOf(b)) return false;
  if (a.text.includes(b.text) || b.text.includes(a.text)) return true;
  const sentences = (text: string) => text.split(/(?<=[.!?]["”]?)\s+/).filter((s) => s.length >= 20);
  return sentences(a.text).some((sentence) => b.text.includes(sentence));
}

/** "Russia's reasoning: ", "NATO’s counter: ": a possessive and one word, then a colon, opening the text. */
const RUN_IN_LABEL = /^\p{Lu}[\p{L}.]*['’]s \p{L}+: (?=\S)/u;

/** The excerpt without an opening run-in label; the highlights move with the text. */
export function withoutRunInLabel(excerpt: Excerpt): Excerpt {
  const label = RUN_IN_LABEL.exec(excerpt.text)?.[0];
  if (label === undefined) return excerpt;
  const cut = label.length;
  const shift = (highlights: readonly Highlight[]) =>
    highlights
      .filter((highlight) => highlight.end > cut)
      .map((highlight) => ({ start: Math.max(0, highlight.start - cut), end: highlight.end - cut }));
  return {
    ...excerpt,
    text: excerpt.text.slice(cut),
    highlights: shift(excerpt.highlights),
    ...(excerpt.answers === undefined ? {} : { answers: shift(excerpt.answers) }),
  };
}

const wordAt = (text: string, highlight: Highlight) =>
  text.slice(highlight.start, highlight.end).toLowerCase();

/** In how many results each highlighted word appears. */
function wordSpread(results: readonly AnswerResult[]): Map<string, number> {
  const spread = new Map<string, number>();
  for (const result of results) {
    const words = new Set(
      allExcerpts(result).flatMap((excerpt) => excerpt.highlights.map((h) => wordAt(excerpt.text, h))),
    );
    for (const word of words) spread.set(word, (spread.get(word) ?? 0) + 1);
  }
  return spread;
}

/** The card's most telling words: rarest across the answer first, then the longest. */
function boldWords(result: AnswerResult, spread: ReadonlyMap<string, number>): Set<string> {
  const words = new Set(
    allExcerpts(result).flatMap((excerpt) => excerpt.highlights.map((h) => wordAt(excerpt.text, h))),
  );
  const ranked = [...words].sort(
    (a, b) => (spread.get(a) ?? 0) - (spread.get(b) ?? 0) || b.length - a.length || a.localeCompare(b),
  );
  return new Set(ranked.slice(0, MAX_BOLD_WORDS));
}

/** Keeps the highlights of the chosen words, each word bold once on the card. */
function keepBold(excerpt: Excerpt, bold: ReadonlySet<string>, emphasised: Set<string>): ShownExcerpt {
  const highlights = [...excerpt.highlights]
    .sort((a, b) => a.start - b.start)
    .filter((highlight) => {
      const word = wordAt(excerpt.text, highlight);
      if (!bold.has(word) || emphasised.has(word)) return false;
      emphasised.add(word);
      return true;
    });
  // And what the question asks for, where the excerpt gives it: "2015" for "what year".
  return { ...excerpt, highlights: [...highlights, ...(excerpt.answers ?? [])], matched: excerpt.highlights };
}
