/**
 * Where the answer to a question asking for a date, a number or a name must sit, read with the
 * question's search: beside what the question names, the role it asks about, the thing it counts
 * and a word of its subject; and for a question about how something turned out, in a sentence
 * telling what happened rather than what may. answer-type.ts says what kind of answer is asked for.
 */
import type { Corpus } from "../../knowledge/corpus.ts";
import type { Article } from "../../knowledge/schema.ts";
import type { QueryPlan } from "../../search/query-plan.ts";
import type { SearchHit, SearchIndex } from "../../search/search-index.ts";
import { isPlausibleCorrection } from "../../search/typos.ts";
import type { Highlight } from "../answer.ts";
import { splitSentences } from "../excerpts/sentences.ts";
import { answerTypeTest, askedAnswerType, askedForIn, type CountedThing, WHEN_NAMES } from "./answer-type.ts";
import { outletNames } from "./article.ts";

/** Words ending in s after "how many X" that are verbs, not what is counted ("how many troops does"). */
const NOT_COUNTED = /^(is|was|has|does|says|wants|thinks|its|this|thus|as|us|those|these|yes|less)$/i;
/** A count of the dead asked for, and the words a count of them is written with. */
const DEATHS_ASKED =
  /\b(?:dead|died|die|dying|killed|kill(?:ing)?|deaths?|casualt(?:y|ies)|fatalit(?:y|ies)|death toll)\b/i;
const DEATH_COUNTS = "lives deaths dead killed casualties fatalities";
/** Plurals without an s: "how many people died in donbas" counts people, not the Donbas. */
const PLURAL_WITHOUT_S = /^(people|ppl|men|women|children|personnel|aircraft|staff|police)$/i;
/** A word naming things counted: "troops", "people"; not "was" or "us". */
const isPlural = (word: string) =>
  (/s$/i.test(word) && !NOT_COUNTED.test(word)) || PLURAL_WITHOUT_S.test(word);

/** A question about how something turned out, later than what it names. */
const OUTCOME_ASKED =
  /\b(end(?:ed|s)? up|in the end|turn(?:ed|s)? out|outcome|results? of|c[oa]me out of|came of|actually (?:happen(?:ed)?|hold|held|go|went|work(?:ed)?)|eventually|afterwards|since then|agree(?:d)? (?:on|to) anything|after all (?:this|that)|reach(?:ed)? (?:a|an|any) (?:deal|agreement|compromise)|(?:go|went) through|(?:was|were|got) (?:decided|agreed)|how (?:did|have|has) [\w' -]{2,40}? go)\b/i;
/**
 * "What did X say / think", "how did X react", "has X said anything about", "where does X stand on",
 * "X's take on" (X is in the match).
 */
const SPEECH_ASKED =
  /\b(?:what|how) (?:did|does|do|has|have|is|was) ([\p{L}' -]{2,40}?) (?:say|said|saying|think|thinks|respond|responded|react|reacted|claim|argue|tell|told|call|called|feel)\b|\b(?:has|have|did|does|do) ((?:[\p{L}'-]+ ){0,3}[\p{L}'-]+) (?:said anything|say anything|(?:publicly )?(?:back(?:ed)?|support(?:ed)?|endorse[sd]?|comment(?:ed)? on|react(?:ed)? to|respond(?:ed)? to))\b|\bwhere (?:does|do|did) ([\p{L}' -]{2,40}?) stand\b|\b([\p{L}-]+)'s (?:take|view|position|stance|reaction|response)\b/iu;
const HYPOTHETICAL = /\b(would|will|could|might|gonna|going to)\b/i;
/**
 * "Did the US agree to anything on missiles, or is it at least a possible area of compromise": a
 * question that also asks what may happen is answered by a passage saying what could.
 */
const POSSIBILITY_ASKED = /\b(possible|possibly|could|might|potential(?:ly)?|on the table|open to)\b/i;
/**
 * Who a member asks "what does X say" of when X is the reading itself, not someone in it, or a
 * document it quotes: what Russia's drafts or the NPR piece "say" about the Baltic states is what
 * they contain, not a verb of saying.
 */
const NOT_A_SPEAKER =
  /^(?:the |this |that )?(?:it|they|them|he|she)$|(?:^|\s)(?:articles?|pieces?|op-eds?|essays?|authors?|writers?|readings?|papers?|texts?|stor(?:y|ies)|reports?|drafts?|proposals?|treat(?:y|ies)|agreements?|documents?)$/i;
/** A sentence giving someone's words or view: a verb of saying, or a quotation. */
const SPOKEN =
  /["“”]|\b(?:said|says|say|saying|told|tells|argued?|argues|warned|warns|called|calls|asked|asks|questioned|insisted|declared|noted|wrote|writes|stated|claimed|claims|accused|accuses|according to|griped|complained|dismissed|rejected|described|added|suggested|believes?|thinks?|sees?|views?|interview|reaffirmed|affirmed|stressed|emphasi[sz]ed|pledged|vowed|announced|urged|acknowledged|conceded|denied|denies|demanded|proposed|promised|threatened|explained|expressed|made clear|agreed|disagreed|opposed|supports?|supported|condemned|criticized|praised|welcomed|responded|replied|reacted|commented|spoke|speech|statement|remarks)\b/i;
/** The share of a question's words a sentence must write to tell how that thing turned out. */
const OUTCOME_SUBJECT_SHARE = 0.5;
/** A sentence about what has not happened (yet): a plan, a hope, a forecast, a possibility or a condition. */
const NOT_YET =
  /\b(will|would|could|might|may|must|should|going to|set to|scheduled|planned|plans? to|expected to|hop(?:e|es|ed|ing)|wants? to|seeks? to|next week|upcoming|if|whether|fears?|threat(?:en)?s?|debat(?:e|es|ing)|consider(?:s|ing)|possible|potential(?:ly)?)\b|\b\w+'ll\b/i;

/** "The name of the Russian ambassador to…", "who was Russia's rep at…", "which western journalist". */
const ROLE =
  /\b(?:name of (?:the|that|this|a|an)|who(?:'s|s| is| was| were) (?:the|\p{L}+'s)|which)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu;
/** "Who led the US delegation": the deed stands for the role. */
const ROLE_DEED =
  /\bwho (led|leads|heads|headed|chairs|chaired|represents|represented|negotiated|signed|wrote)\b/i;
/** Words that end the role's noun phrase ("ambassador to the US", "rep at the OSCE"). */
const AFTER_ROLE = /^(to|at|in|of|for|from|on|who|that|which|was|is|were|did|does|quoted|it)$/i;

/** The role a "who" question asks the holder of: the words of the phrase naming it. */
function roleAsked(question: string): string[] {
  const deed = ROLE_DEED.exec(question)?.[1];
  if (deed) return [deed];
  const [, first, second] = ROLE.exec(question) ?? [];
  if (!first || AFTER_ROLE.test(first)) return [];
  return second && !AFTER_ROLE.test(second) ? [first, second] : [first];
}

type TextTest = (text: string) => boolean;

/** The words of the articles' authors' and outlets' names, read once per corpus. */
const writerWordsOf = new WeakMap<ReadonlyArray<Article>, ReadonlySet<string>>();

/**
 * Whether every word of `name` is a word of an article's author's or outlet's name ("trenin", "amy
 * mackinnon", "the washington post", "wapo"), or a likely misspelling of one ("trennin"): what the
 * article writes, not what someone said in it.
 */
function isWriter(name: string, articles: ReadonlyArray<Article>): boolean {
  const words =
    writerWordsOf.get(articles) ??
    new Set(
      articles
        .flatMap((article) => [
          ...article.authors,
          ...(article.contributors ?? []),
          ...(article.outlet === undefined ? [] : outletNames(article.outlet)),
        ])
        .flatMap((writer) => writer.toLowerCase().split(/\s+/)),
    );
  writerWordsOf.set(articles, words);
  return name
    .toLowerCase()
    .replace(/^the\s+/, "")
    .split(/\s+/)
    .every((word) => words.has(word) || [...words].some((writer) => isPlausibleCorrection(word, writer)));
}

/**
 * A text's sentences, remembered across questions (bounded): the texts tested are the sentence
 * windows of the same few paragraphs, and splitting them again was a fifth of a typed answer's time.
 */
const sentencesOfText = new Map<string, string[]>();
const SENTENCES_REMEMBERED = 10_000;
function sentencesOf(text: string): string[] {
  let sentences = sentencesOfText.get(text);
  if (sentences === undefined) {
    sentences = withIntroducedQuotations(
      splitSentences(text).map(({ start, end }) => text.slice(start, end)),
    );
    if (sentencesOfText.size >= SENTENCES_REMEMBERED) sentencesOfText.clear();
    sentencesOfText.set(text, sentences);
  }
  return sentences;
}

/** A sentence telling that someone spoke, with no quotation of its own ("Consider what he said in March 2014…"). */
const INTRODUCES_WORDS = /\b(?:said|says|told|wrote|recalled|declared|remarked|put it)\b|:\s*$/i;
const QUOTED = /["“”]/;

/**
 * A quotation is read with the sentence before it that says who spoke and when ("Consider what he
 * said in March 2014 …" and then "I simply cannot imagine that we would travel to Sevastopol…"): one
 * statement, so a date or a name there is beside what the quotation names.
 */
function withIntroducedQuotations(sentences: string[]): string[] {
  const read: string[] = [];
  for (const sentence of sentences) {
    const before = read.at(-1);
    if (
      before !== undefined &&
      /^\s*["“]/.test(sentence) &&
      !QUOTED.test(before) &&
      INTRODUCES_WORDS.test(before)
    )
      read[read.length - 1] = `${before} ${sentence}`;
    else read.push(sentence);
  }
  return read;
}

/** A sentence naming again what the one before told of: "That peace deal, known as the Minsk agreements, …". */
const NAMES_AGAIN =
  /^\s*(?:That|This|These|Those)\s+(?:\p{Ll}+\s+)?\p{Ll}+,?\s+(?:known as|called|dubbed|named)\b/u;

/**
 * The sentences, with one that names what the sentence before told of read as one with it: "under
 * 2015 agreements to end the fighting" and then "That peace deal, known as the Minsk agreements, has
 * stalled" give the year of the Minsk agreements. Only for a date, a number or a name: who said what is told in
 * the sentence that says it ("does the US back Minsk" is not answered by "Russia says…").
 */
function withNamedAgain(sentences: string[]): string[] {
  const read: string[] = [];
  for (const sentence of sentences) {
    const before = read.at(-1);
    if (before !== undefined && NAMES_AGAIN.test(sentence)) read[read.length - 1] = `${before} ${sentence}`;
    else read.push(sentence);
  }
  return read;
}

/** The stems of the months and weekdays, by analyzer: read once, not for every question. */
const whenStemsByAnalyzer = new WeakMap<object, ReadonlySet<string>>();
function whenStemsOf(analyzer: SearchIndex["analyzer"]): ReadonlySet<string> {
  let stems = whenStemsByAnalyzer.get(analyzer);
  if (stems === undefined) {
    stems = new Set(analyzer.words(WHEN_NAMES).map((word) => word.stem));
    whenStemsByAnalyzer.set(analyzer, stems);
  }
  return stems;
}

/** `read`, remembering what it said of each text (for one question: the memory goes with it). */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = read(text);
    known.set(text, value);
    return value;
  };
}

/** The kind of answer a question asks for, as tests of what a result must have to give it. */
export interface TypedAnswer {
  /** Whether a text gives the answer: the date, number or name, beside what the question names. */
  wants: TextTest;
  /** Where a text gives the date, figure or name asked for, to show in bold (see askedForIn). */
  answers: ((text: string) => Highlight[]) | undefined;
  /** Whether a hit matched every named thing of the question (in any field, its bank included). */
  matchesNames(matchedTerms: ReadonlyArray<string>): boolean;
}

/**
 * What answers a question that asks for a date, a number or a name, how something turned out, or
 * what someone named said; undefined for any other question. The counted thing stands for its
 * synonyms and for what the search corrected it to, and the answer must sit beside what the
 * question names: "What year did Montenegro join" is not answered by "joined after 1997" one
 * sentence before the list that names Montenegro, nor by a passage without it.
 */
export function typedAnswer(
  question: string,
  plan: QueryPlan,
  { analyzer, statistics }: Pick<SearchIndex, "analyzer" | "statistics">,
  knowledge: Pick<Corpus, "people" | "articles">,
  /** The best hits, whose matched terms show what a misspelt word was read as. */
  hits: ReadonlyArray<SearchHit>,
): TypedAnswer | undefined {
  const { people } = knowledge;
  const termsOf = (wordIndex: number) =>
    new Set(plan.terms.filter((term) => term.words.includes(wordIndex)).map((term) => term.term));
  const countedThing: CountedThing = (asked) => {
    // The thing counted is the noun: "how many NATO troops", "how many ex-Eastern Bloc countries";
    // and in "how many rounds of NATO growth", what they are rounds of ("five waves of NATO's…").
    // Or, asked tersely after it ("nato troops poland how many"), the last plural before it.
    const following =
      /\bhow many\s+(?:of\s+the\s+|more\s+)?((?:[\p{L}\p{N}'-]+\s*){1,5})/iu.exec(asked)?.[1] ??
      /((?:[\p{L}\p{N}'-]+\s+){1,5})how many\W*$/iu.exec(asked)?.[1]?.trim().split(/\s+/).findLast(isPlural);
    // What is counted comes before the first preposition: "how many died in donbas" counts the
    // dead (the verb stands for them), not the Donbas.
    const beforePreposition = following?.split(
      /\s(?:in|at|on|from|since|during|by|to|for|with|near|inside|across)\s/i,
    )[0];
    const words = beforePreposition?.trim().split(/\s+/) ?? [];
    const noun = words.slice(0, 4).findIndex(isPlural);
    const counted = words[Math.max(0, noun)];
    // "How much", "how big": no thing counted, so any number answers.
    if (counted === undefined) return undefined;
    const of = noun >= 0 && words[noun + 1]?.toLowerCase() === "of" ? words[noun + 2] : undefined;
    const standIns = new Set<string>();
    for (const [i, asWritten] of [counted, of].entries()) {
      if (!asWritten) continue;
      // What stands for the word in the search: its stem, synonyms and near words.
      const [word] = analyzer.words(asWritten);
      const index = plan.words.findIndex((distinct) => distinct.stem === word?.stem);
      if (index < 0) {
        if (i === 0) return undefined;
        continue;
      }
      for (const term of termsOf(index)) standIns.add(term);
      // And what the search read a misspelt one as ("javelin" for "javlin").
      const stem = word?.stem ?? "";
      if (!statistics.known(stem))
        for (const hit of hits)
          for (const term of hit.matchedTerms) if (isPlausibleCorrection(stem, term)) standIns.add(term);
    }
    // The dead are counted as lives, deaths or casualties: "how many people are dead in the war" is
    // answered by "a conflict that has claimed about 14,000 lives".
    if (DEATHS_ASKED.test(asked)) for (const word of analyzer.words(DEATH_COUNTS)) standIns.add(word.stem);
    return {
      isCounted: (written) => analyzer.words(written).some((w) => standIns.has(w.stem)),
      verb: noun < 0,
    };
  };
  // Read once, for the test and for the bold.
  const counted = countedThing(question);
  const typed = answerTypeTest(question, people, () => counted);
  // "How did the Vienna talks turn out": only a passage telling what happened answers, not one
  // saying what may, will or could.
  // Not "would NATO actually go to bat for Ukraine": that asks what may happen.
  const outcomeAsked = OUTCOME_ASKED.exec(question);
  // Nor "why didn't the helicopters end up in Afghanistan": that asks for a reason.
  const before = outcomeAsked ? question.slice(0, outcomeAsked.index) : "";
  const outcome =
    outcomeAsked &&
    !HYPOTHETICAL.test(before) &&
    !/\bwhy\b/i.test(before) &&
    !POSSIBILITY_ASKED.test(question)
      ? outcomeAsked[0]
      : undefined;
  // A date, number or name from a year after the articles were written is one they could not report:
  // "who won the 2024 election" is not answered by "in 2024, when Putin would be up for re-election".
  const latestYear = Math.max(
    ...knowledge.articles.map((article) => Number(article.published?.slice(0, 4) ?? 0)),
  );
  const later = [...question.matchAll(/\b(?:19|20)\d\d\b/g)].some(([year]) => Number(year) > latestYear);
  const named = plan.words.flatMap((word, index) => (word.named ? [termsOf(index)] : []));
  // When it was ("at his december presser"), is told anywhere in the excerpt: "In a speech in late
  // December, …" and the next sentence's "five waves" answer how many rounds Putin spoke of then.
  const whenStems = whenStemsOf(analyzer);
  const when = plan.words.flatMap((word) =>
    word.named ? [whenStems.has(word.stem) || /^(?:1[89]|20)\d\d$/.test(word.stem)] : [],
  );
  // "What did Sherman say about the missile ban": what someone named said on that subject, so the
  // subject is in the sentence that names them. Any sentence of the kind will do, but only there.
  const speech = named.length > 0 ? SPEECH_ASKED.exec(question) : null;
  // What someone said is given where their words are: a sentence naming them has a verb of saying
  // or a quotation ("how did the Baltic states react" is not answered by the list that names them).
  // "What do the articles say about Zelensky" asks for what they write, whoever says it.
  const speaker =
    speech
      ?.slice(1)
      .find((group) => group !== undefined)
      ?.trim() ?? "";
  // Nor is an article's author or outlet: what Trenin or the Post thinks is what the article writes.
  const spokenBySomeone =
    speech !== null && !NOT_A_SPEAKER.test(speaker) && !isWriter(speaker, knowledge.articles);
  const kind = typed ?? (speech ? () => true : undefined);
  const test: TextTest | undefined =
    outcome || (later && kind) ? (text) => !NOT_YET.test(text) && (kind?.(text) ?? true) : kind;
  if (!test) return undefined;
  // "Who was the Pentagon spokesman": the name must be the spokesman's, so the role is named too,
  // all of it: "which actual missile systems" is not answered by a sentence naming another system.
  const role = askedAnswerType(question) === "person" ? roleAsked(question) : [];
  for (const asWritten of role) {
    const [roleWord] = analyzer.words(asWritten);
    const roleIndex = plan.words.findIndex((word) => word.stem === roleWord?.stem);
    if (roleIndex >= 0 && !plan.words[roleIndex]?.named) named.push(termsOf(roleIndex));
  }
  /** Whether a written term is one of a named thing's terms, or a likely spelling of a misspelt one. */
  const misspellings = new Map(
    named.map((terms) => [terms, [...terms].filter((term) => !statistics.known(term))] as const),
  );
  const mentions = (terms: Set<string>, written: string) =>
    terms.has(written) ||
    (misspellings.get(terms) ?? []).some((term) => isPlausibleCorrection(term, written));
  // The words asking for an outcome ("end up") are not what it is about.
  // Nor, in "what did Sherman say about…", are the speaker and the saying, with every term that
  // stands for them ("riabkov" for "ryabkov": what Ryabkov said need not spell him twice).
  const askingWords = `${outcome ?? ""} ${speech?.[0] ?? ""}`;
  const askingStems = new Set(analyzer.words(askingWords).map((word) => word.stem));
  const asking = new Set([
    ...analyzer.indexTerms(askingWords),
    ...plan.words.flatMap((word, index) => (askingStems.has(word.stem) ? [...termsOf(index)] : [])),
  ]);
  const questionTerms = new Set(plan.terms.map((term) => term.term).filter((term) => !asking.has(term)));
  const misspelt = [...questionTerms].filter((term) => !statistics.known(term));
  // What happened to something is told where it is written: a sentence about the Donbas does not say
  // whether the Christmas cease-fire there held. Weighed as the search weighs the question's words.
  const subjectWords = plan.words.flatMap((word, index) => {
    const terms = [...termsOf(index)].filter((term) => !asking.has(term));
    return terms.length > 0 ? [{ terms: new Set(terms), weight: statistics.wordWeight(word) }] : [];
  });
  const subjectWeight = subjectWords.reduce((sum, word) => sum + word.weight, 0);
  // The windows of one paragraph share sentences: each is read once per question, and only as far
  // as the test needs (most sentences give no date, number or name, and the rest is not asked of them).
  const namesIn = remembered((sentence: string) => {
    const terms = analyzer.indexTerms(sentence);
    return named.map((thing) => terms.some((term) => mentions(thing, term)));
  });
  const gives = remembered(test);
  // "What has Stoltenberg been saying about all this" asks for anything they said.
  const related = remembered(
    (sentence: string) =>
      questionTerms.size === 0 ||
      analyzer
        .indexTerms(sentence)
        .some(
          (term) => questionTerms.has(term) || misspelt.some((typo) => isPlausibleCorrection(typo, term)),
        ),
  );
  const subjectShare = (sentence: string) => {
    const terms = analyzer.indexTerms(sentence);
    return (
      subjectWords.reduce((sum, word) => sum + (terms.some((t) => word.terms.has(t)) ? word.weight : 0), 0) /
      (subjectWeight || 1)
    );
  };
  // Remembered: each sentence window of each passage shown is tested, and the answer tests them again.
  const wants: TextTest = remembered((text) => {
    const sentences = typed ? withNamedAgain(sentencesOf(text)) : sentencesOf(text);
    const names = sentences.map(namesIn);
    // A named thing the text never writes was matched through its passage's bank or aliases: it
    // cannot be beside anything (but what became of it is told only where it is written). Either
    // way, the answer is beside some word of the question.
    const written = named.map((_, i) => names.some((has) => has[i]));
    // What someone said may run over the sentences of a quotation: anywhere in the excerpt will do.
    if (!typed && speech)
      return (
        written.some(Boolean) &&
        sentences.some(related) &&
        (!spokenBySomeone ||
          sentences.some((sentence, k) => SPOKEN.test(sentence) && (names[k] ?? []).some(Boolean)))
      );
    return sentences.some(
      (sentence, k) =>
        gives(sentence) &&
        related(sentence) &&
        (!outcome || subjectShare(sentence) >= OUTCOME_SUBJECT_SHARE) &&
        (names[k] ?? []).every(
          (has, i) => has || (!written[i] && !outcome) || (when[i] === true && written[i]),
        ),
    );
  });
  return {
    wants,
    answers: askedForIn(question, people, () => counted),
    matchesNames: (matchedTerms) =>
      named.every((thing) => matchedTerms.some((term) => mentions(thing, term))),
  };
}
