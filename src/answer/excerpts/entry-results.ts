import type { Citation, Demand, Person, QaEntry, Quote, TimelineEvent } from "../../knowledge/schema.ts";
import { passageRef } from "../../search/search-documents.ts";
import type { AnswerResult, Excerpt } from "../answer.ts";
import type { RankedHit } from "../ask/ranking.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { excerptOfCitation, excerptOfPassage, excerptOfRange, locatedIn } from "./excerpt.ts";
import type { ExcerptWeigher } from "./order-excerpts.ts";
import type { Passage, PassageLibrary } from "./passages.ts";
import { NO_TERMS, type RelevantTerms } from "./relevant-terms.ts";

/** Builds the AnswerResult of each kind of knowledge entry, with its citations as excerpts. */

/**
 * The citations as excerpts. Two citations of one paragraph can widen to the same sentences (see
 * excerptOfCitation): an excerpt already contained in an earlier one is left out. With a `weigher`,
 * only the one that shows most of the question (the first of equals) is wanted, as orderExcerpts
 * would keep it: see heaviestExcerpt.
 */
function excerptsOf(
  library: PassageLibrary,
  citations: ReadonlyArray<Citation>,
  terms: RelevantTerms,
  widen = true,
  weigher?: ExcerptWeigher,
): Excerpt[] {
  if (weigher !== undefined && citations.length > 1)
    return heaviestExcerpt(library, citations, terms, widen, weigher);
  const excerpts = merged(
    citations.map((citation) => excerptOfCitation(library, citation, terms, { widen })),
  );
  return weigher === undefined ? excerpts : excerpts.slice(0, 1);
}

/** Excerpts in curated order, each left out that an earlier one contains, or put in its place when it contains it. */
function merged(built: ReadonlyArray<Excerpt | undefined>): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const excerpt of built) {
    if (!excerpt) continue;
    const samePlace = (other: Excerpt) =>
      other.citation.article === excerpt.citation.article &&
      other.citation.paragraph === excerpt.citation.paragraph;
    if (excerpts.some((other) => samePlace(other) && other.text.includes(excerpt.text))) continue;
    const contained = excerpts.findIndex((other) => samePlace(other) && excerpt.text.includes(other.text));
    if (contained >= 0) excerpts.splice(contained, 1, excerpt);
    else excerpts.push(excerpt);
  }
  return excerpts;
}

/**
 * The excerpt that shows most of the question, cutting only those that could: an entry citing eight
 * paragraphs showed one and cut all eight ("how many people have died in the Donbass war" spent a
 * third of its time so). Citations are cut in order of the most their paragraph could show, until
 * none left could show as much as the heaviest cut. What is left could neither outweigh it nor
 * contain it (an excerpt weighs at least what one it contains does), so it is the excerpt cutting
 * them all finds; when another weighs the same, which comes first depends on all of them, and all
 * are cut.
 */
function heaviestExcerpt(
  library: PassageLibrary,
  citations: ReadonlyArray<Citation>,
  terms: RelevantTerms,
  widen: boolean,
  weigher: ExcerptWeigher,
): Excerpt[] {
  const cut = (citation: Citation) => excerptOfCitation(library, citation, terms, { widen });
  const most = citations.map((citation) => {
    const passage = library.get(passageRef(citation.article, citation.paragraph));
    return passage ? weigher.most(passage) : Number.NEGATIVE_INFINITY;
  });
  const byMost = citations
    .map((_, i) => i)
    .sort((a, b) => (most[b] as number) - (most[a] as number) || a - b);
  const built: Array<Excerpt | undefined> = citations.map(() => undefined);
  let heaviest = Number.NEGATIVE_INFINITY;
  for (const i of byMost) {
    if ((most[i] as number) < heaviest - ROUNDING) break;
    const excerpt = cut(citations[i] as Citation);
    built[i] = excerpt;
    if (excerpt) heaviest = Math.max(heaviest, weigher.weigh(excerpt));
  }
  const weighed = merged(built).map((excerpt) => ({ excerpt, weight: weigher.weigh(excerpt) }));
  const best = weighed.filter(({ weight }) => weight >= heaviest - ROUNDING);
  if (best.length > 1)
    return weigher.heaviest(merged(citations.map((citation, i) => built[i] ?? cut(citation))));
  return best.map(({ excerpt }) => excerpt);
}

/**
 * Weights are sums of the same terms' weights in other orders, so two equal ones can differ in their
 * last bits: within this they count as equal (and all the excerpts are cut).
 */
const ROUNDING = 1e-9;

export function qaResult(
  library: PassageLibrary,
  entry: QaEntry,
  terms: RelevantTerms,
  score: number,
  guildId?: string,
  weigher?: ExcerptWeigher,
): AnswerResult {
  return {
    kind: "qa",
    id: entry.id,
    heading: entry.question,
    summary: entry.answer,
    ...(guildId === undefined ? {} : { guildId }),
    excerpts: excerptsOf(library, entry.citations, terms, true, weigher),
    score,
  };
}

export function passageResult(
  passage: Passage,
  terms: RelevantTerms,
  score: number,
  whole = false,
): AnswerResult {
  const text = passage.paragraph.text;
  const excerpt = whole
    ? excerptOfRange(passage, { start: 0, end: text.length }, terms)
    : excerptOfPassage(passage, terms);
  const speaker = speakerShown(passage, excerpt);
  return {
    kind: "passage",
    id: passage.ref,
    ...(passage.paragraph.section === undefined ? {} : { heading: passage.paragraph.section }),
    ...(speaker && { speaker }),
    excerpts: [excerpt],
    score,
  };
}

/**
 * Who speaks in a passage's excerpt that does not name them: the one person whose curated quotations
 * it shows. An article names a speaker once and goes on with "he added" for paragraphs.
 */
function speakerShown(passage: Passage, excerpt: Excerpt): AnswerResult["speaker"] {
  const start = passage.paragraph.text.indexOf(excerpt.text);
  const end = start + excerpt.text.length;
  const shown = passage.quotations.filter(({ quote }) => {
    const range = locatedIn(passage, quote.citation.excerpt);
    return start >= 0 && range !== undefined && range.start < end && range.end > start;
  });
  const [first] = shown;
  if (first === undefined || shown.some(({ quote }) => quote.speaker !== first.quote.speaker))
    return undefined;
  const written = excerpt.text.toLocaleLowerCase("en");
  if (first.names.some((name) => written.includes(name.toLocaleLowerCase("en")))) return undefined;
  const { quote, names } = first;
  return { id: quote.speaker, name: names[0] ?? quote.speaker, role: quote.role, context: quote.context };
}

export function quoteResult(
  library: PassageLibrary,
  quote: Quote,
  speaker: Person | undefined,
  terms: RelevantTerms,
  score: number,
): AnswerResult {
  const name = speaker?.name ?? quote.speaker;
  return {
    kind: "quote",
    id: quote.id,
    heading: name,
    ...(quote.date === undefined ? {} : { date: quote.date }),
    speaker: { id: quote.speaker, name, role: quote.role, context: quote.context },
    excerpts: excerptsOf(library, [quote.citation], terms, false),
    score,
  };
}

export function eventResult(
  library: PassageLibrary,
  event: TimelineEvent,
  terms: RelevantTerms,
  score: number,
  weigher?: ExcerptWeigher,
) {
  const result: AnswerResult = {
    kind: "event",
    id: event.id,
    heading: event.title,
    date: event.date,
    excerpts: excerptsOf(library, event.citations, terms, true, weigher),
    score,
  };
  return result;
}

const DEMAND_SECTIONS = [
  ["reasoning", "Russia's reasoning"],
  ["response", "Western response"],
  ["compromise", "Room for compromise"],
] as const;

export function demandResult(
  library: PassageLibrary,
  demand: Demand,
  terms: RelevantTerms,
  score: number,
  withSections = true,
  weigher?: ExcerptWeigher,
): AnswerResult {
  if (!withSections) {
    return {
      kind: "demand",
      id: demand.id,
      heading: demand.title,
      excerpts: excerptsOf(library, demand.statement, terms, true, weigher),
      score,
    };
  }
  const sections = DEMAND_SECTIONS.map(([key, label]) => ({
    label,
    excerpts: excerptsOf(library, demand[key], terms),
  })).filter((section) => section.excerpts.length > 0);
  return {
    kind: "demand",
    id: demand.id,
    heading: demand.title,
    excerpts: excerptsOf(library, demand.statement, terms),
    ...(sections.length === 0 ? {} : { sections }),
    score,
  };
}

export function personResult(library: PassageLibrary, person: Person, terms: RelevantTerms): AnswerResult {
  return {
    kind: "person",
    id: person.id,
    heading: person.name,
    summary: person.role,
    person: { id: person.id, name: person.name, role: person.role, aliases: [...person.aliases] },
    excerpts: excerptsOf(library, person.citations, terms),
    score: 1,
  };
}

/** The Q&A entry a hit stands for: the server's own, or a curated one. */
export function qaEntryOf(
  indexes: DossierIndexes,
  hit: Pick<RankedHit, "ref" | "guildId">,
): QaEntry | undefined {
  return hit.guildId === undefined ? indexes.qa.get(hit.ref) : indexes.guildQa.get(hit.guildId)?.get(hit.ref);
}

/**
 * The knowledge entry behind a search hit, as a result; undefined if it vanished meanwhile, or when
 * every paragraph it quotes is `shown` already: an answer would drop it, so it is not built ("how
 * many people have died in the Donbass war" built eight results for five, two of them events
 * quoting only paragraphs the first cards showed; the answers are the same). Asked of one article,
 * only its citations of that article are excerpted (one entry's excerpts of the others were cut
 * from their paragraphs, weighed and thrown away). Each result has one excerpt, the one that shows
 * most of the question (weighed by `weigher`): members read one quote per card, and the first three
 * excerpts are then three different answers rather than one entry's three citations.
 */
export function resultOfHit(
  indexes: DossierIndexes,
  hit: RankedHit,
  terms: RelevantTerms,
  weigher: ExcerptWeigher,
  shown: (paragraph: string) => boolean = () => false,
  article?: string,
): AnswerResult | undefined {
  const { library } = indexes;
  const score = hit.relevance;
  const within = (citations: Citation[]) =>
    article === undefined ? citations : citations.filter((citation) => citation.article === article);
  const fresh = (citations: ReadonlyArray<Citation>) =>
    citations.some((citation) => !shown(passageRef(citation.article, citation.paragraph)));
  switch (hit.kind) {
    case "passage": {
      const passage = shown(hit.ref) ? undefined : library.get(hit.ref);
      return passage && passageResult(passage, terms, score);
    }
    case "qa": {
      const entry = qaEntryOf(indexes, hit);
      const citations = within(entry?.citations ?? []);
      return entry && fresh(citations)
        ? qaResult(library, { ...entry, citations }, terms, score, hit.guildId, weigher)
        : undefined;
    }
    case "quote": {
      const quote = indexes.quotes.get(hit.ref);
      return quote && fresh(within([quote.citation]))
        ? quoteResult(library, quote, indexes.people.get(quote.speaker), terms, score)
        : undefined;
    }
    case "event": {
      const event = indexes.events.get(hit.ref);
      const citations = within(event?.citations ?? []);
      return event && fresh(citations)
        ? eventResult(library, { ...event, citations }, terms, score, weigher)
        : undefined;
    }
    case "demand": {
      const demand = indexes.demands.get(hit.ref);
      const statement = within(demand?.statement ?? []);
      return demand && fresh(statement)
        ? demandResult(library, { ...demand, statement }, terms, score, false, weigher)
        : undefined;
    }
  }
}

/**
 * Everything one entry cites, in curated order and unranked: what a "Sources" button lists beside
 * the one excerpt an answer showed. A passage's evidence is its whole paragraph.
 */
export function evidenceOf(
  indexes: DossierIndexes,
  kind: AnswerResult["kind"],
  id: string,
  guildId?: string,
): AnswerResult | undefined {
  const { library } = indexes;
  switch (kind) {
    case "passage": {
      const passage = library.get(id);
      return passage && passageResult(passage, NO_TERMS, 1, true);
    }
    case "qa": {
      const entry = guildId === undefined ? undefined : indexes.guildQa.get(guildId)?.get(id);
      if (entry !== undefined) return qaResult(library, entry, NO_TERMS, 1, guildId);
      const curated = indexes.qa.get(id);
      return curated && qaResult(library, curated, NO_TERMS, 1);
    }
    case "quote": {
      const quote = indexes.quotes.get(id);
      return quote && quoteResult(library, quote, indexes.people.get(quote.speaker), NO_TERMS, 1);
    }
    case "event": {
      const event = indexes.events.get(id);
      return event && eventResult(library, event, NO_TERMS, 1);
    }
    case "demand": {
      const demand = indexes.demands.get(id);
      return demand && demandResult(library, demand, NO_TERMS, 1);
    }
    case "person": {
      const person = indexes.people.get(id);
      return person && personResult(library, person, NO_TERMS);
    }
  }
}
