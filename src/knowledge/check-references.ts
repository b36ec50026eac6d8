import { foldQuotesAndSpace, isVerbatimIn } from "../text/fold.ts";
import { type Corpus, findArticle } from "./corpus.ts";
import type { KnowledgeProblem } from "./problems.ts";
import type { Citation } from "./schema.ts";

/** Where a citation sits, for error messages: "demands.yaml › no-nato-enlargement". */
interface Place {
  file: string;
  entry: string;
}

/**
 * Why a citation does not hold, or undefined when it is verbatim in a primary article's paragraph.
 * `foldParagraph` folds the paragraph (see isVerbatimIn).
 */
export function citationProblem(
  corpus: Corpus,
  citation: Citation,
  foldParagraph = foldQuotesAndSpace,
): string | undefined {
  const article = findArticle(corpus, citation.article);
  if (!article) return `cites unknown article "${citation.article}"`;
  if (article.duplicateOf) {
    return `cites ${article.id}, a republication of ${article.duplicateOf}: cite ${article.duplicateOf} instead`;
  }
  const paragraph = article.paragraphs[citation.paragraph - 1];
  if (!paragraph) {
    return `cites ${article.id} ¶${citation.paragraph}, but that article has ${article.paragraphs.length} paragraphs`;
  }
  if (!isVerbatimIn(citation.excerpt, paragraph.text, foldParagraph)) {
    return `excerpt not found in ${article.id} ¶${citation.paragraph}`;
  }
  return undefined;
}

function checkUniqueIds(
  file: string,
  entries: ReadonlyArray<{ id: string }>,
  problems: KnowledgeProblem[],
): void {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) problems.push({ file, entry: id, reason: "id is used more than once" });
    seen.add(id);
  }
}

/**
 * Everything the schemas cannot see: unique ids, references that resolve, and every excerpt verbatim
 * in the paragraph it cites.
 */
export function checkReferences(corpus: Corpus): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  // A paragraph is cited by several excerpts, and folding it cost more than the rest of the checks:
  // each is folded once for all of them.
  const foldedParagraphs = new Map<string, string>();
  const foldParagraph = (text: string) => {
    let folded = foldedParagraphs.get(text);
    if (folded === undefined) {
      folded = foldQuotesAndSpace(text);
      foldedParagraphs.set(text, folded);
    }
    return folded;
  };
  const checkCitations = (place: Place, citations: ReadonlyArray<Citation>) => {
    for (const citation of citations) {
      const reason = citationProblem(corpus, citation, foldParagraph);
      if (reason) problems.push({ ...place, reason });
    }
  };
  checkUniqueIds("articles/", corpus.articles, problems);
  checkUniqueIds("demands.yaml", corpus.demands, problems);
  checkUniqueIds("timeline.yaml", corpus.timeline, problems);
  checkUniqueIds("quotes.yaml", corpus.quotes, problems);
  checkUniqueIds("people.yaml", corpus.people, problems);
  checkUniqueIds("qa.yaml", corpus.qa, problems);

  for (const article of corpus.articles) {
    if (article.duplicateOf && !findArticle(corpus, article.duplicateOf)) {
      const reason = `duplicateOf names unknown article "${article.duplicateOf}"`;
      problems.push({ file: `articles/${article.id}.md`, entry: article.id, reason });
    }
  }
  for (const demand of corpus.demands) {
    const place = { file: "demands.yaml", entry: demand.id };
    const all = [...demand.statement, ...demand.reasoning, ...demand.response, ...demand.compromise];
    checkCitations(place, all);
  }
  for (const event of corpus.timeline) {
    checkCitations({ file: "timeline.yaml", entry: event.id }, event.citations);
    if (event.date.split("-").length !== ["year", "month", "day"].indexOf(event.precision) + 1) {
      problems.push({
        file: "timeline.yaml",
        entry: event.id,
        reason: `date ${event.date} is not of ${event.precision} precision`,
      });
    }
  }
  const personIds = new Set(corpus.people.map((person) => person.id));
  for (const quote of corpus.quotes) {
    checkCitations({ file: "quotes.yaml", entry: quote.id }, [quote.citation]);
    if (!personIds.has(quote.speaker)) {
      problems.push({
        file: "quotes.yaml",
        entry: quote.id,
        reason: `speaker "${quote.speaker}" is not in people.yaml`,
      });
    }
  }
  for (const person of corpus.people) {
    checkCitations({ file: "people.yaml", entry: person.id }, person.citations);
  }
  const questions = new Map<string, string>();
  for (const entry of corpus.qa) {
    checkCitations({ file: "qa.yaml", entry: entry.id }, entry.citations);
    const folded = foldQuotesAndSpace(entry.question).toLowerCase();
    const twin = questions.get(folded);
    if (twin) problems.push({ file: "qa.yaml", entry: entry.id, reason: `same question as ${twin}` });
    questions.set(folded, entry.id);
  }
  checkQuestionBank(corpus, problems);
  checkNotCovered(corpus, problems);
  return problems;
}

/**
 * A question listed as not covered is not also a way of asking for a passage or an entry: it would
 * be answered and declared unanswered at once.
 */
function checkNotCovered(corpus: Corpus, problems: KnowledgeProblem[]): void {
  const fold = (question: string) => foldQuotesAndSpace(question).toLowerCase();
  const answered = new Map<string, string>();
  for (const { article, paragraph, questions } of corpus.questionBank)
    for (const question of questions)
      answered.set(fold(question), `question-bank/${article}.txt ¶${paragraph}`);
  for (const entry of corpus.qa)
    for (const question of [entry.question, ...entry.alternatives])
      answered.set(fold(question), `qa.yaml ${entry.id}`);
  for (const question of corpus.notCovered) {
    const where = answered.get(fold(question));
    if (where)
      problems.push({ file: "not-covered.txt", entry: question, reason: `is also asked in ${where}` });
  }
}

/** Every primary paragraph has its questions, and every question names a real primary paragraph. */
function checkQuestionBank(corpus: Corpus, problems: KnowledgeProblem[]): void {
  const banked = new Set<string>();
  for (const { article: id, paragraph } of corpus.questionBank) {
    const file = `question-bank/${id}.txt`;
    const article = findArticle(corpus, id);
    if (!article) {
      problems.push({ file, entry: id, reason: `names unknown article "${id}"` });
    } else if (article.duplicateOf) {
      problems.push({
        file,
        entry: id,
        reason: `${id} is a republication: write questions for ${article.duplicateOf}`,
      });
    } else if (paragraph > article.paragraphs.length) {
      problems.push({
        file,
        entry: `¶${paragraph}`,
        reason: `${id} has ${article.paragraphs.length} paragraphs`,
      });
    }
    banked.add(`${id}#${paragraph}`);
  }
  if (corpus.questionBank.length === 0) return;
  for (const article of corpus.articles) {
    if (article.duplicateOf) continue;
    const missing = article.paragraphs
      .filter((p) => !banked.has(`${article.id}#${p.n}`))
      .map((p) => `¶${p.n}`);
    if (missing.length > 0) {
      const reason = `no questions for ${missing.join(", ")} (\`dossier ingest\` prints a template)`;
      problems.push({ file: `question-bank/${article.id}.txt`, reason });
    }
  }
}
