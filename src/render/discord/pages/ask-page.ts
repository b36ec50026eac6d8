import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_SIZE } from "../answer-view.ts";
import { citationsOf, resultEmbed } from "../result-embed.ts";
import { echoInput, type PageBody, resultsOnPage } from "./page-body.ts";

/**
 * /ask: the question repeated (Discord shows only the command's name to other members), the note when
 * the articles do not seem to cover it, then one embed per result. Three results of 1,800 characters
 * stay inside the 6,000 shared by a message's embeds.
 */
export function askPage(view: Extract<AnswerView, { kind: "ask" }>, page: number): PageBody {
  const { confident } = view.answer;
  const results = resultsOnPage(view.answer.results, page, PAGE_SIZE.ask);
  const header = `**Asked:** ${echoInput(view.question)}`;
  return {
    content: [header, coverageNote(view.answer)].filter((line) => line !== undefined).join("\n"),
    embeds: results.map((result) => resultEmbed(result, confident, { description: 1600, sections: 3 })),
    citations: results.flatMap(citationsOf),
  };
}
