import { type Corpus, findArticle, primaryArticles } from "../../knowledge/corpus.ts";
import type { Article } from "../../knowledge/schema.ts";
import { FREQUENT_WORDS } from "../../knowledge/word-vectors.ts";
import type { AnalyzedWord } from "../../search/analyzed-word.ts";
import type { Analyzer } from "../../search/analyzer.ts";
import { isPlausibleCorrection } from "../../search/typos.ts";
import { UserError } from "../../user-error.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { bestMatches, rankNameMatch } from "../listings/name-match.ts";

/**
 * Members point at an article by its outlet or author ("in the NPR piece", "what does Trenin say",
 * "the wapo article"). Such words say where to look, not what the question is about: they are taken
 * out of the question, and that article's passages are preferred.
 */
export interface ArticleMention {
  article: string;
  /** The question without the words naming the article. */
  rest: string;
}

export interface FindArticleMention {
  (question: string): ArticleMention | undefined;
  /**
   * The articles a question names when it names more than one ("compare npr and trenin on…"), in
   * order, and the question without their names.
   */
  compared(question: string): { articles: string[]; rest: string } | undefined;
}

/** "Foreign Policy" → "fp"; "The Washington Post" → "wp", and the way people say it, "wapo". */
export function outletNames(outlet: string): string[] {
  const words = outlet
    .replace(/^the\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  const names = [outlet, words.join(" ")];
  if (words.length > 1) {
    names.push(words.map((word) => word[0]).join(""));
    names.push(words.map((word) => word.slice(0, 2)).join(""));
    const last = words.at(-1) as string;
    if (NEWSPAPER_NOUNS.has(last.toLowerCase())) names.push(`the ${last}`);
  }
  return names;
}

/**
 * What a newspaper is called by the last word of its name, after "the": "the Post", "the Times";
 * "the Policy" is no name of Foreign Policy. Before, "post" was searched for as a word, which the
 * question bank's phrasings about the Post have; asked of the Post, the tuned sets' hit@1 is +2.
 */
const NEWSPAPER_NOUNS: ReadonlySet<string> = new Set([
  "post",
  "times",
  "journal",
  "herald",
  "tribune",
  "guardian",
  "telegraph",
  "globe",
  "chronicle",
]);

/** An article named as where something was read: "…the Post mentions", "…that Trenin reports". */
const REPORTED_NEXT =
  /^\s+(?:mentions?|mentioned|describes?|described|reports?|reported|quotes?|quoted|uses?|used|cites?|cited|writes?|wrote|brings? up|brought up|talks? about|talked about)\b/iu;
/** …unless it asks it: "does the Post mention…", "what does Trenin describe". */
const ASKED_BEFORE =
  /\b(?:do|does|did|is|was|how|what|which|why|when|where|who|and|or|vs|versus)\s+(?:the\s+)?$/iu;
/** "…the way Trenin does", "…like the Post". */
const LIKE_BEFORE = /\b(?:like|as|the way|than)\s+(?:the\s+)?$/iu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function articleMentionFinder(corpus: Corpus): FindArticleMention {
  const names = new Map<string, string>();
  const ambiguous = new Set<string>();
  const paragraphs = primaryArticles(corpus).flatMap((article) => article.paragraphs.map((p) => p.text));
  const allText = paragraphs.join("\n");
  const allLowerCase = allText.toLowerCase();
  for (const article of primaryArticles(corpus)) {
    const people = [...article.authors, ...(article.contributors ?? [])];
    const peoplesWords = new Set(people.flatMap((person) => person.toLowerCase().split(/\s+/)));
    // Where a writer works, as the credits say and no paragraph does: "the Carnegie director" is
    // Trenin ("DMITRI TRENIN is Director of the Carnegie Moscow Center").
    const workplaces = (article.credits ?? []).flatMap((credit) =>
      [...credit.matchAll(/(?<=\s)\p{Lu}\p{Ll}{3,}/gu)]
        .map((found) => found[0].toLowerCase())
        .filter((word) => !peoplesWords.has(word) && !allLowerCase.includes(word)),
    );
    const candidates = [
      ...(article.outlet ? outletNames(article.outlet) : []),
      ...people,
      ...people.map((person) => person.split(/\s+/).at(-1) ?? person),
      ...workplaces,
    ];
    for (const name of candidates.map((n) => n.toLowerCase())) {
      if (names.has(name) && names.get(name) !== article.id) ambiguous.add(name);
      names.set(name, article.id);
    }
  }
  for (const name of ambiguous) names.delete(name);
  // An outlet whose name the articles also write as plain words ("a seasoned foreign-policy hand")
  // is that outlet only when the question marks it as one: "per foreign policy", "the foreign policy
  // piece", "Foreign Policy" in capitals, or its name alone (the article option); not "does putin
  // face pushback at home on foreign policy".
  const plainWords = new Set(
    [...names.keys()].filter(
      (name) =>
        name.includes(" ") &&
        !name.startsWith("the ") &&
        paragraphs.some((text) =>
          new RegExp(`\\b${escapeRegExp(name).replace(/ /g, "[\\s-]")}\\b`).test(text),
        ),
    ),
  );
  if (names.size === 0) return Object.assign(() => undefined, { compared: () => undefined });
  // "The Post" but not "the post-Cold War order", "the post 1997 members": what the articles write
  // with a hyphen after a short name is another word.
  const alternativeOf = (name: string) => {
    const [the, word, ...more] = name.split(" ");
    if (the !== "the" || word === undefined || more.length > 0) return escapeRegExp(name);
    const joined = allLowerCase.matchAll(new RegExp(`\\b${escapeRegExp(word)}-(\\p{L}+)`, "gu"));
    const after = [...new Set(Array.from(joined, (found) => found[1] as string))];
    const notJoined = [...after.map((next) => `${escapeRegExp(next)}\\b`), "\\p{N}"].join("|");
    return `the\\s+${escapeRegExp(word)}(?![\\s-]+(?:${notJoined})|-)`;
  };
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(alternativeOf);
  const pattern = new RegExp(
    `\\b(?:(?:in|from|by|according to)\\s+)?(?:the\\s+)?(${alternatives.join("|")})(?:['’]s)?(?:\\s+(?:article|piece|story|report|one|op-ed|essay|explainer|column))?\\b`,
    "iu",
  );
  // A writer's surname as members misspell it ("Trennin"): a word the word vectors do not have (they
  // have "trending", a typo from Trenin), within a typo of one name only.
  const surnames = [...names.keys()].filter((name) => /^\p{L}{5,}$/u.test(name));
  const vectors = corpus.wordVectors;
  const surnameMeant = (word: string): string | undefined => {
    const typed = word.toLowerCase();
    if (names.has(typed) || (vectors?.rank(typed) ?? Number.POSITIVE_INFINITY) < FREQUENT_WORDS)
      return undefined;
    const meant = surnames.filter((name) => isPlausibleCorrection(typed, name, true));
    return meant.length === 1 ? meant[0] : undefined;
  };
  // And a writer's given name as members spell it before the surname ("Dmitry Trenin" for Dmitri),
  // as an outlet's first word before its second ("forein policy").
  const givenNames = new Map(
    [...names.keys()].flatMap((name) => {
      const [given, surname, ...more] = name.split(" ");
      return given && surname && more.length === 0 ? [[surname, given] as const] : [];
    }),
  );
  const surnameAlternatives = [...givenNames.keys()].map(escapeRegExp).join("|");
  // Most questions name no writer: the surname is looked for first, then the word before it.
  const surnameWritten = new RegExp(`\\b(?:${surnameAlternatives})\\b`, "iu");
  const givenBeforeSurname = new RegExp(`\\b\\p{L}+(?=\\s+(${surnameAlternatives})\\b)`, "giu");
  const givenMeant = (written: string, surname: string) => {
    const given = givenNames.get(surname.toLowerCase());
    return given !== undefined && isPlausibleCorrection(written.toLowerCase(), given, true) ? given : written;
  };
  /** Each article named, in order, with the question left once its first naming is taken out. */
  const mentions = (question: string): ArticleMention[] => {
    /** `context`: named as where something was read, not as what is asked (see REPORTED_NEXT). */
    const found: Array<ArticleMention & { context: boolean }> = [];
    const surnamesRead = question.replace(/\p{L}{5,}/gu, (word) => surnameMeant(word) ?? word);
    let left =
      givenNames.size > 0 && surnameWritten.test(surnamesRead)
        ? surnamesRead.replace(givenBeforeSurname, givenMeant)
        : surnamesRead;
    for (let match = pattern.exec(left); match !== null; match = pattern.exec(left)) {
      const written = (match[1] ?? "").replace(/\s+/gu, " ");
      const article = names.get(written.toLowerCase());
      const rest = `${left.slice(0, match.index)} ${left.slice(match.index + match[0].length)}`;
      const marked =
        !plainWords.has(written.toLowerCase()) ||
        written !== written.toLowerCase() ||
        match[0].length > written.length ||
        rest.trim() === "" ||
        /\b(?:per|for|that|this)\s+$/i.test(left.slice(0, match.index));
      if (article !== undefined && marked && !found.some((mention) => mention.article === article)) {
        const before = left.slice(0, match.index);
        const after = left.slice(match.index + match[0].length);
        const context = (REPORTED_NEXT.test(after) && !ASKED_BEFORE.test(before)) || LIKE_BEFORE.test(before);
        found.push({ article, rest, context });
      }
      left = rest;
    }
    // "What does NPR say about the Mi-17 helicopters the Post mentions?": asked of NPR, of what the
    // Post reports; the Post is where the member read of it.
    const asked = found.filter((mention) => !mention.context);
    return asked.length > 0 ? asked : found;
  };
  // "Compare what npr and the post say about…": a question naming two articles is asked of all.
  return Object.assign(
    (question: string) => {
      const found = mentions(question);
      return found.length === 1 ? found[0] : undefined;
    },
    {
      compared: (question: string) => {
        const found = mentions(question);
        const rest = found.at(-1)?.rest ?? question;
        return found.length > 1 ? { articles: found.map((mention) => mention.article), rest } : undefined;
      },
    },
  );
}

/**
 * The article a member typed: its id, or all they typed names it as a question would ("npr", "wapo",
 * "trenin", "the washington post"), as the option's own description suggests.
 */
export function articleNamed(
  corpus: Corpus,
  findMention: FindArticleMention,
  typed: string,
): Article | undefined {
  const byId = findArticle(corpus, typed.trim().toLowerCase());
  if (byId) return byId;
  const mention = findMention(typed.trim());
  if (mention) return mention.rest.trim() === "" ? findArticle(corpus, mention.article) : undefined;
  // Or by its title, as members remember it ("4 things", "what putin really wants"): two words at
  // least ("russia" starts one title and is in three), and one article only.
  if (typed.trim().split(/\s+/).length < 2) return undefined;
  const [best, ...tied] = bestMatches(primaryArticles(corpus), (article) =>
    rankNameMatch(typed, [article.title], false),
  );
  return tied.length === 0 ? best : undefined;
}

/** The article id to filter on, checked: unknown names and republications are the user's to fix. */
export function checkArticleFilter(
  corpus: Corpus,
  findMention: FindArticleMention,
  article: string | undefined,
): string | undefined {
  if (article === undefined || article.trim() === "") return undefined;
  const found = articleNamed(corpus, findMention, article);
  // A republication (which /source lists) is the same article: it is asked of the original.
  if (found?.duplicateOf) return found.duplicateOf;
  if (!found) {
    const known = primaryArticles(corpus)
      .map((a) => a.id)
      .join(", ");
    throw new UserError(
      "unknown-article",
      `There is no article "${article.trim().slice(0, 60)}". Choose one of: ${known}.`,
    );
  }
  return found.id;
}

/** A headline that promises a list ("4 things Russia wants right now"): its sections are the list. */
const NUMBERED_HEADLINE = /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s/i;
/** Of a numbered headline's words, a question asking for its list without naming it has this share. */
const HEADLINE_SHARE = 0.5;

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
/** "#4", "number 4", "no. 4", "the 4th", "the fourth one": which item of a list is asked for. */
const ITEM_ASKED = new RegExp(
  `(?:#|\\bnumber\\s+|\\bno\\.?\\s*)([1-9])\\b|\\b([1-9])(?:st|nd|rd|th)\\b|\\b(${ORDINALS.join("|")})\\b`,
  "i",
);

/** A list's items with the one the question asks for ("whats #4") first. */
export function itemAskedFirst<T>(items: T[], question: string): T[] {
  const [, digit, numbered, word] = ITEM_ASKED.exec(question) ?? [];
  const asked = Number(digit ?? numbered ?? ORDINALS.indexOf(word?.toLowerCase() ?? "") + 1) - 1;
  const item = items[asked];
  return asked < 0 || item === undefined ? items : [item, ...items.filter((other) => other !== item)];
}

/**
 * The articles whose numbered headline promises a list of their sections, each with its headline's
 * words (stems): worked out once per corpus, as every question is checked against them.
 */
const listingsOf = new WeakMap<Corpus, ReadonlyArray<{ id: string; stems: ReadonlySet<string> }>>();

/**
 * The article with a numbered headline whose list the question asks for: every word of the question
 * is a word of the headline, and it has half of them or names the article ("what are the 4 things
 * russia wants", "what are the 4 things" of NPR). Not "what does russia want": the articles answer
 * that, not the headline.
 */
export function listingAsked(
  corpus: Corpus,
  analyzer: Analyzer,
  asked: ReadonlyArray<{ stem: string }>,
  named: string | undefined,
): string | undefined {
  if (asked.length === 0) return undefined;
  let listings = listingsOf.get(corpus);
  if (listings === undefined) {
    listings = primaryArticles(corpus)
      .filter((article) => NUMBERED_HEADLINE.test(article.title) && article.paragraphs.some((p) => p.section))
      .map((article) => ({
        id: article.id,
        stems: new Set(analyzer.query(article.title).words.map((word) => word.stem)),
      }));
    listingsOf.set(corpus, listings);
  }
  for (const { id, stems } of listings) {
    if (named !== undefined && named !== id) continue;
    if (!asked.every((word) => stems.has(word.stem))) continue;
    if (named === id || asked.length >= HEADLINE_SHARE * stems.size) return id;
  }
  return undefined;
}

/** Words asking for an article's own details (its headline, writers, link, date), not what it says. */
const DETAIL_WORDS =
  /^(?:headlines?|titles?|titled|called|named|urls?|links?|published|publish|publication|dated?|bylines?|authors?|writers?|wrote|written|contributors?|contributed|reporters?|outlets?|come|came|out)$/i;
/** Words asking for an article's gist rather than for one thing in it. */
const GIST_WORDS =
  /^(?:summary|summaries|summar[iy]ze|summar[iy]zed|summarise|sum|tldr|tl|dr|gist|main|key|central|overall|argument|arguments|points?|ideas?|takeaways?|claims?|thesis|message|overview|nutshell|outline|up|all)$/i;
/** Words that name the article as one, or only say it speaks: "the main point trenin makes in his piece". */
const ARTICLE_WORDS =
  /^(?:articles?|pieces?|stor(?:y|ies)|essays?|reports?|op-eds?|makes?|made|making|says?|said|saying|writes?|wrote|argues?|argued|puts?|put)$/i;
/** "What's the NPR piece about?" */
const ABOUT_ASKED = /^\W*(?:what(?:'s|s| is| was)?|whats|tell me)\s+(?:it\s+)?about\W*$/i;

/** The question's words that carry meaning (no stop word) and that none of `asking` matches. */
function otherWords(analyzer: Analyzer, text: string, asking: ReadonlyArray<RegExp>): AnalyzedWord[] {
  return analyzer
    .words(text)
    .filter((word) => !word.stop && !asking.some((pattern) => pattern.test(word.word)));
}

/**
 * Whether a question names an article and asks nothing else of it ("what does the npr article say",
 * "who wrote the wapo piece", "trenin?"): the words left after the article's name only ask about it.
 */
export function asksOnlyOfTheArticle(analyzer: Analyzer, rest: string): boolean {
  return otherWords(analyzer, rest, [DETAIL_WORDS, GIST_WORDS, ARTICLE_WORDS]).length === 0;
}

/**
 * What a question asks of an article itself, when that is all it asks (the article named in it, or
 * the one asked of): its details ("who wrote the npr piece", "when was the foreign policy article
 * published", "what's the headline of the fp piece"), which every card and /source show though
 * members asking were told the articles do not cover them; or its gist ("what's the tl;dr of the
 * foreign affairs piece", "summarize the 4 things npr says russia wants", "what's the wapo article
 * about"), the question's other words being its title's: its opening and the start of each of its
 * sections, not the passage sharing most words with "main".
 */
export function askedOfTheArticle(
  { corpus, findArticleMention, index }: Pick<DossierIndexes, "corpus" | "findArticleMention" | "index">,
  question: string,
  asked?: string,
): { asks: "details" | "gist"; article: Article } | undefined {
  const mention = findArticleMention(question);
  const id = mention?.article ?? checkArticleFilter(corpus, findArticleMention, asked);
  const article = id === undefined ? undefined : findArticle(corpus, id);
  if (article === undefined) return undefined;
  const rest = mention?.rest ?? question;
  const { analyzer } = index;
  const words = analyzer.words(rest);
  const has = (pattern: RegExp) => words.some((word) => pattern.test(word.word));
  if (has(DETAIL_WORDS) && otherWords(analyzer, rest, [DETAIL_WORDS, ARTICLE_WORDS]).length === 0)
    return { asks: "details", article };
  if (ABOUT_ASKED.test(rest.trim())) return { asks: "gist", article };
  const titled = new Set(
    analyzer.words(`${article.title} ${article.subtitle ?? ""}`).map((word) => word.stem),
  );
  const others = otherWords(analyzer, rest, [GIST_WORDS, ARTICLE_WORDS, /^\p{N}+$/u]).filter(
    (word) => !titled.has(word.stem),
  );
  return has(GIST_WORDS) && others.length === 0 ? { asks: "gist", article } : undefined;
}
