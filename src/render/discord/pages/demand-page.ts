import type { AnswerView } from "../answer-view.ts";
import { coverageNote, PAGE_SIZE } from "../answer-view.ts";
import { escapeText } from "../escape.ts";
import { citationsOf, resultEmbed } from "../result-embed.ts";
import { echoInput, type PageBody, resultsOnPage } from "./page-body.ts";

/**
 * /demand: one demand per page, its statement as the description and Russia's reasoning, the Western
 * response and any room for compromise as fields. Listing several demands lists them all in the
 * message text too, the current one marked, so the member sees where "More" leads.
 */
export function demandPage(view: Extract<AnswerView, { kind: "demand" }>, page: number): PageBody {
  const { confident, results } = view.answer;
  const shown = resultsOnPage(results, page, PAGE_SIZE.demand);
  const lines: string[] = [];
  if (view.topic !== undefined) lines.push(`**Demands about:** ${echoInput(view.topic, 100)}`);
  const note = coverageNote(view.answer);
  if (note !== undefined) lines.push(note);
  if (results.length > 1) {
    lines.push(`**Russia's demands** (${results.length}):`);
    results.forEach((result, index) => {
      const title = escapeText(result.heading ?? result.id);
      lines.push(index === page ? `${index + 1}. **${title}** ◀` : `${index + 1}. ${title}`);
    });
  }
  const body: PageBody = {
    embeds: shown.map((result) => resultEmbed(result, confident, { description: 2000, sections: 3 })),
    citations: shown.flatMap(citationsOf),
  };
  if (lines.length > 0) body.content = lines.join("\n");
  return body;
}
