import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingestFile } from "../ingest/ingest-file.ts";
import { IngestError } from "../ingest/ingest-raw-text.ts";
import { MAX_BANKED_PER_PARAGRAPH, MIN_BANKED_PER_PARAGRAPH } from "../knowledge/schema.ts";
import { UserError } from "../user-error.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

/**
 * `dossier ingest <raw file>`: prints the cleaned article for review (stdout) and what each cleaning
 * rule did (stderr). Nothing is written without `--write`, and an existing article is never replaced:
 * its paragraph numbers are what every citation points at.
 */
export const ingestCommand: SubCommand = {
  name: "ingest",
  usage: "<raw file> [--id id] [--title title] [--write]",
  summary: "clean a raw article into a reviewable knowledge file",
  async run(args, cli) {
    const { values, positionals } = parseArguments("ingest", args, {
      id: { type: "string" },
      title: { type: "string" },
      write: { type: "boolean" },
    });
    const [rawPath, ...extra] = positionals;
    if (rawPath === undefined || extra.length > 0) {
      throw new UsageError(
        '"dossier ingest" takes one raw text file, e.g. ingest ~/articles/new.txt.',
        "ingest",
      );
    }
    if (!existsSync(rawPath)) throw new UserError("ingest-missing", `There is no file at ${rawPath}.`);
    const overrides = {
      ...(values.id === undefined ? {} : { id: values.id }),
      ...(values.title === undefined ? {} : { title: values.title }),
    };
    const ingested = await ingestFile(rawPath, cli.knowledgeDir, overrides).catch((error: unknown) => {
      throw error instanceof IngestError ? new UserError("ingest-failed", error.message) : error;
    });
    const { report, duplicateOf, paragraphs } = ingested.result;
    for (const note of report.notes) cli.io.err(`${note.action} (${note.rule}): ${note.text.slice(0, 100)}`);
    for (const warning of report.warnings) cli.io.err(`warning: ${warning}`);
    if (duplicateOf !== undefined) {
      cli.io.err(`republication of ${duplicateOf}: it will be listed but never indexed or quoted`);
    }
    cli.io.err(`${paragraphs.length} paragraphs; proposed file knowledge/articles/${ingested.fileName}`);
    if (values.write !== true) {
      cli.io.out(ingested.text);
      cli.io.err("Review the text above, then run again with --write to add it.");
      return 0;
    }
    const target = join(cli.knowledgeDir, "articles", ingested.fileName);
    if (existsSync(target)) {
      throw new UserError(
        "ingest-exists",
        `${target} already exists; choose another id with --id, or edit that file by hand.`,
      );
    }
    writeFileSync(target, ingested.text);
    cli.io.out(`Wrote ${target}. Run "npm run knowledge:check" next.`);
    if (duplicateOf === undefined) {
      const id = ingested.fileName.replace(/\.md$/, "");
      cli.io.out(
        [
          "",
          `Then write knowledge/question-bank/${id}.txt: ${MIN_BANKED_PER_PARAGRAPH}–${MAX_BANKED_PER_PARAGRAPH} ways members might ask for each paragraph, in their words,`,
          `one a line under the paragraph's ¶ (the shipped articles have ${MAX_BANKED_PER_PARAGRAPH}: details of each sentence, everyday words and slang, a fragment, a confused question).`,
          `# How members might ask for what each paragraph of ${id} says, written from the article alone.`,
          ...paragraphs.flatMap((paragraph, i) => [
            "",
            `¶${i + 1}`,
            `# ${paragraph.text.slice(0, 70).replace(/\s+/g, " ")}…`,
          ]),
          "",
          "And add to knowledge/not-covered.txt questions a reader of it would ask that no article answers",
          "(reasons it does not give, names and numbers it leaves out, what happened next): they keep those from being answered with look-alike passages.",
        ].join("\n"),
      );
    }
    return 0;
  },
};
