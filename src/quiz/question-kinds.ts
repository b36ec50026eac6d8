import type { Excerpt } from "../answer/answer.ts";
import { citeParagraph } from "../answer/excerpts/excerpt.ts";
import { locateVerbatim } from "../answer/locate-verbatim.ts";
import { type Corpus, findArticle, primaryArticles } from "../knowledge/corpus.ts";
import type { Article, Citation, Person } from "../knowledge/schema.ts";
import { foldQuotesAndSpace } from "../text/fold.ts";
import { formatPartialDate } from "../text/partial-date.ts";

/**
 * The five kinds of question, each made only from curated knowledge. A kind lists its candidates (a
 * quotation, an event, a passage…); a candidate builds its question with the quiz's random source,
 * choosing three distractors of the same kind that the knowledge shows to be wrong. Every excerpt
 * is cut from its paragraph's own characters, so what is shown is verbatim.
 */

export const QUIZ_KINDS = ["speaker", "year", "demand", "article", "qa"] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

export const QUIZ_KIND_NAMES: Record<QuizKind, string> = {
  speaker: "Who said it?",
  year: "When did it happen?",
  demand: "Which demand?",
  article: "Which article?",
  qa: "Study question",
};

export interface QuizQuestion {
  /** `<kind>:<knowledge id>`: which entry the question was made from. */
  id: string;
  kind: QuizKind;
  prompt: string;
  /** Verbatim words shown with the question (the quotation, the passage), without their source. */
  clue?: Excerpt;
  /** Four, the right one among them; distinct. */
  choices: string[];
  answer: number;
  /** The verbatim excerpt, with its citation, that the reveal quotes to settle the question. */
  settling: Excerpt;
  /** Curated context for the reveal: who the speaker was, where a passage is filed. */
  note?: string;
}

/** What a kind offers: `about` is searched for a topic; `build` returns undefined when too few distractors exist. */
export interface QuizCandidate {
  kind: QuizKind;
  id: string;
  about: string;
  build(random: QuizRandom): QuizQuestion | undefined;
}

export interface QuizRandom {
  /** A whole number in [0, below). */
  below(below: number): number;
  shuffle<T>(items: readonly T[]): T[];
}

export const CHOICES = 4;
const CLUE_MAX = 420;

export function quizCandidates(corpus: Corpus): QuizCandidate[] {
  return [
    ...speakerCandidates(corpus),
    ...yearCandidates(corpus),
    ...demandCandidates(corpus),
    ...articleCandidates(corpus),
    ...qaCandidates(corpus),
  ];
}

/** The right answer and distractors in a random order; undefined without enough distinct distractors. */
function ask(
  random: QuizRandom,
  right: string,
  distractors: readonly string[],
  rest: Omit<QuizQuestion, "choices" | "answer">,
): QuizQuestion | undefined {
  const others = random.shuffle([...new Set(distractors)].filter((choice) => choice !== right));
  if (others.length < CHOICES - 1) return undefined;
  const choices = random.shuffle([right, ...others.slice(0, CHOICES - 1)]);
  return { ...rest, choices, answer: choices.indexOf(right) };
}

function speakerCandidates(corpus: Corpus): QuizCandidate[] {
  const people = new Map(corpus.people.map((person) => [person.id, person]));
  const speakers = [...new Set(corpus.quotes.map((quote) => quote.speaker))];
  return corpus.quotes.flatMap((quote): QuizCandidate[] => {
    const speaker = people.get(quote.speaker);
    const clue = excerptOf(corpus, quote.citation);
    if (speaker === undefined || clue === undefined) return [];
    const words = foldQuotesAndSpace(quote.citation.excerpt);
    // Never also right: no other speaker is recorded saying the same words.
    const alsoSaid = new Set(
      corpus.quotes.filter((q) => foldQuotesAndSpace(q.citation.excerpt) === words).map((q) => q.speaker),
    );
    const distractors = speakers
      .filter((id) => !alsoSaid.has(id))
      .flatMap((id) => people.get(id)?.name ?? []);
    return [
      {
        kind: "speaker",
        id: `speaker:${quote.id}`,
        about: [quote.citation.excerpt, quote.context, ...quote.topics, speaker.name].join(" "),
        build: (random) =>
          ask(random, speaker.name, distractors, {
            id: `speaker:${quote.id}`,
            kind: "speaker",
            prompt: "Who said this?",
            clue,
            settling: attributedExcerpt(corpus, quote.citation, speaker) ?? clue,
            note: speakerNote(speaker.name, quote.role, quote.context),
          }),
      },
    ];
  });
}

/** "Vladimir Putin, President of Russia, at his annual…": the role left out when the name already says it. */
function speakerNote(name: string, role: string, context: string): string {
  const who = name.toLowerCase().startsWith(role.toLowerCase()) ? name : `${name}, ${role}`;
  return `${who}, ${context}.`;
}

/** A person's name, other names, and surname (how articles name people after the first mention). */
function personNames(person: Person): string[] {
  return [person.name, ...person.aliases, person.name.split(" ").at(-1) ?? person.name].filter(
    (name) => name.length > 2,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The whole paragraph, quotation in bold, when it names the speaker; that settles it best. */
function attributedExcerpt(corpus: Corpus, citation: Citation, speaker: Person): Excerpt | undefined {
  const paragraph = findArticle(corpus, citation.article)?.paragraphs[citation.paragraph - 1];
  const quoted = paragraph === undefined ? undefined : locateVerbatim(citation.excerpt, paragraph.text);
  if (
    paragraph === undefined ||
    quoted === undefined ||
    !personNames(speaker).some((name) => paragraph.text.includes(name))
  )
    return undefined;
  const quotation = excerptOf(corpus, citation);
  return quotation === undefined ? undefined : { ...quotation, text: paragraph.text, highlights: [quoted] };
}

function yearCandidates(corpus: Corpus): QuizCandidate[] {
  const years = [...new Set(corpus.timeline.map((event) => event.date.slice(0, 4)))];
  return corpus.timeline.flatMap((event): QuizCandidate[] => {
    const year = event.date.slice(0, 4);
    // The title must not give the year away, and an excerpt must state it.
    if (/\b\d{4}\b/.test(event.title)) return [];
    const stating = event.citations.find((citation) => citation.excerpt.includes(year));
    const settling = stating === undefined ? undefined : excerptOf(corpus, stating);
    if (settling === undefined) return [];
    // Plausible: the years nearest the right one.
    const nearest = years
      .filter((other) => other !== year)
      .sort(
        (a, b) =>
          Math.abs(Number(a) - Number(year)) - Math.abs(Number(b) - Number(year)) || a.localeCompare(b),
      )
      .slice(0, 6);
    return [
      {
        kind: "year",
        id: `year:${event.id}`,
        about: [event.title, ...event.citations.map((citation) => citation.excerpt)].join(" "),
        build: (random) =>
          ask(random, year, nearest, {
            id: `year:${event.id}`,
            kind: "year",
            prompt: `In which year did this happen? ${event.title}.`,
            settling,
            note: `${event.title}: ${formatPartialDate(event.date, "long")}.`,
          }),
      },
    ];
  });
}

const DEMAND_SECTIONS = [
  ["statement", "the demand itself"],
  ["reasoning", "Russia's reasoning"],
  ["response", "the Western response"],
  ["compromise", "room for compromise"],
] as const;

function demandCandidates(corpus: Corpus): QuizCandidate[] {
  // A paragraph cited under two demands would make both right: only a demand's own paragraphs are asked.
  const owners = new Map<string, Set<string>>();
  for (const demand of corpus.demands) {
    for (const [section] of DEMAND_SECTIONS) {
      for (const citation of demand[section]) {
        const key = paragraphKey(citation);
        owners.set(key, (owners.get(key) ?? new Set()).add(demand.id));
      }
    }
  }
  return corpus.demands.flatMap((demand) => {
    const distractors = corpus.demands.filter((other) => other.id !== demand.id).map((other) => other.title);
    return DEMAND_SECTIONS.flatMap(([section, label]) =>
      demand[section].flatMap((citation, index): QuizCandidate[] => {
        const clue = excerptOf(corpus, citation);
        if (
          clue === undefined ||
          clue.text.length > CLUE_MAX ||
          owners.get(paragraphKey(citation))?.size !== 1
        )
          return [];
        const id = `demand:${demand.id}/${section}/${index + 1}`;
        return [
          {
            kind: "demand",
            id,
            about: [demand.title, ...demand.keywords, citation.excerpt].join(" "),
            build: (random) =>
              ask(random, demand.title, distractors, {
                id,
                kind: "demand",
                prompt: "Which of Russia's demands is this passage about?",
                clue,
                settling: clue,
                note: `The dossier files this passage under ${label}.`,
              }),
          },
        ];
      }),
    );
  });
}

function articleCandidates(corpus: Corpus): QuizCandidate[] {
  const articles = primaryArticles(corpus);
  const labels = new Map(articles.map((article) => [article.id, articleLabel(article)]));
  // Folded once: every candidate is looked for in every other article (the check isVerbatimIn makes).
  const foldedArticles = articles.map((article) => ({
    id: article.id,
    paragraphs: article.paragraphs.map((paragraph) => foldQuotesAndSpace(paragraph.text)),
  }));
  const seen = new Set<string>();
  return curatedCitations(corpus).flatMap((citation): QuizCandidate[] => {
    const key = `${paragraphKey(citation)}#${foldQuotesAndSpace(citation.excerpt)}`;
    const clue = excerptOf(corpus, citation);
    const right = labels.get(citation.article);
    if (seen.has(key) || clue === undefined || right === undefined) return [];
    seen.add(key);
    if (clue.text.length < 60 || clue.text.length > CLUE_MAX) return [];
    // Never also right: the words appear in no other article.
    const words = foldQuotesAndSpace(citation.excerpt);
    const elsewhere = foldedArticles.some(
      (article) => article.id !== citation.article && article.paragraphs.some((text) => text.includes(words)),
    );
    if (elsewhere) return [];
    const id = `article:${citation.article}/${citation.paragraph}/${seen.size}`;
    const distractors = [...labels.values()];
    return [
      {
        kind: "article",
        id,
        about: citation.excerpt,
        build: (random) =>
          ask(random, right, distractors, {
            id,
            kind: "article",
            prompt: "Which article reported this?",
            clue,
            settling: clue,
          }),
      },
    ];
  });
}

function qaCandidates(corpus: Corpus): QuizCandidate[] {
  const peopleIn = (text: string) =>
    new Set(
      corpus.people
        .filter((person) =>
          personNames(person).some((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(text)),
        )
        .map((person) => person.id),
    );
  const answerPeople = new Map(corpus.qa.map((entry) => [entry.id, peopleIn(entry.answer)]));
  return corpus.qa.flatMap((entry): QuizCandidate[] => {
    const settling = entry.citations
      .map((citation) => excerptOf(corpus, citation))
      .find((e) => e !== undefined);
    if (settling === undefined) return [];
    const cited = new Set(entry.citations.map(paragraphKey));
    const words = contentWords(`${entry.question} ${entry.alternatives.join(" ")}`);
    const people = answerPeople.get(entry.id) ?? new Set<string>();
    // Never also right: a distractor's answer rests on other paragraphs, answers another question,
    // and speaks of none of the people the right answer names.
    const distractors = corpus.qa
      .filter(
        (other) =>
          other.id !== entry.id &&
          !other.citations.some((citation) => cited.has(paragraphKey(citation))) &&
          overlap(words, contentWords(`${other.question} ${other.alternatives.join(" ")}`)) < 0.2 &&
          ![...(answerPeople.get(other.id) ?? [])].some((person) => people.has(person)),
      )
      .map((other) => other.answer);
    return [
      {
        kind: "qa",
        id: `qa:${entry.id}`,
        about: [entry.question, ...entry.alternatives, entry.answer].join(" "),
        build: (random) =>
          ask(random, entry.answer, distractors, {
            id: `qa:${entry.id}`,
            kind: "qa",
            prompt: entry.question,
            settling,
          }),
      },
    ];
  });
}

/** How an article is named among the choices: its outlet and title. */
export function articleLabel(article: Pick<Article, "title" | "outlet">): string {
  return article.outlet === undefined ? article.title : `${article.outlet}: ${article.title}`;
}

/** Every citation in the curated files, in file order. */
function curatedCitations(corpus: Corpus): Citation[] {
  return [
    ...corpus.quotes.map((quote) => quote.citation),
    ...corpus.timeline.flatMap((event) => event.citations),
    ...corpus.demands.flatMap((demand) => DEMAND_SECTIONS.flatMap(([section]) => demand[section])),
    ...corpus.people.flatMap((person) => person.citations),
    ...corpus.qa.flatMap((entry) => entry.citations),
  ];
}

/** The citation's words as its paragraph writes them, with the citation a reader needs. */
export function excerptOf(corpus: Corpus, citation: Citation): Excerpt | undefined {
  const article = findArticle(corpus, citation.article);
  const paragraph = article?.paragraphs[citation.paragraph - 1];
  if (article === undefined || article.duplicateOf !== undefined || paragraph === undefined) return undefined;
  const range = locateVerbatim(citation.excerpt, paragraph.text);
  if (range === undefined) return undefined;
  return {
    text: paragraph.text.slice(range.start, range.end),
    highlights: [],
    citation: citeParagraph(article, paragraph),
  };
}

const paragraphKey = (citation: Pick<Citation, "article" | "paragraph">) =>
  `${citation.article}#${citation.paragraph}`;

const STOP_WORDS = new Set(
  "the and for are was were what why who how does did with from that this into about russia russian nato".split(
    " ",
  ),
);

function contentWords(text: string): Set<string> {
  const words =
    foldQuotesAndSpace(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length > 2 && !STOP_WORDS.has(word)));
}

/** Shared words as a share of the smaller set. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return 0;
  return [...a].filter((word) => b.has(word)).length / smaller;
}
