import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import pino from "pino";
import { commands } from "../../commands/index.ts";
import { isEmptyMessage, messageDataSchema } from "../../tests/fake-discord/message-limits.ts";
import { createSnowflakeFactory } from "../../tests/fake-discord/snowflakes.ts";
import { createWorld } from "../../tests/fake-discord/world.ts";
import type { Answer } from "../answer/answer.ts";
import { createDossier } from "../answer/create-dossier.ts";
import { type CommandOutput, parseRequest, runRequest } from "../answer-commands.ts";
import { createAnswerPages } from "../bot/answer-pages.ts";
import { lastQuestionsMemory } from "../bot/context.ts";
import { Cooldowns } from "../bot/cooldowns.ts";
import { QuizGames } from "../bot/quiz-games.ts";
import { createRouter } from "../bot/router.ts";
import { DEFAULT_KNOWLEDGE_DIR } from "../create-context.ts";
import { systemClock } from "../interaction/clock.ts";
import { type Corpus, findParagraph, primaryArticles } from "../knowledge/corpus.ts";
import { loadCorpus } from "../knowledge/load-corpus.ts";
import { voteButtonRow } from "../moderation/discord/votes.ts";
import { createModeration } from "../moderation/moderation.ts";
import { renderAsJson, renderForTerminal } from "../render/command-output.ts";
import type { AnswerView } from "../render/discord/answer-view.ts";
import { pageCountOf } from "../render/discord/answer-view.ts";
import type { MessagePayload } from "../render/discord/payload.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import { renderSource, renderSourceList } from "../render/discord/render-sources.ts";
import { openSqliteQaStore } from "../store/index.ts";
import { isVerbatimIn } from "../text/fold.ts";
import { UserError } from "../user-error.ts";
import { HostileText, SeededRandom } from "./hostile-text.ts";
import { InProcessDiscord } from "./in-process-discord.ts";
import { InteractionPayloads, type RawPayload } from "./interaction-payloads.ts";

export interface FuzzOptions {
  /** How many inputs. */
  n: number;
  seed: number;
  knowledgeDir?: string;
  /** Called now and then with how many inputs are done. */
  progress?: (done: number) => void;
}

/** What a run found. Every count but the first three is a failure: a good run has them all at 0. */
export interface FuzzReport {
  seed: number;
  n: number;
  coreCalls: number;
  interactions: number;
  excerptsChecked: number;
  messagesChecked: number;
  refusedByDiscordJs: number;
  crashes: number;
  nonVerbatim: number;
  limitBreaks: number;
  pings: number;
  maskedLinks: number;
  unanswered: number;
  answeredTwice: number;
  /** Another member's message turned in place by someone's button press. */
  othersMessagesTurned: number;
  /** The first few failures, with what caused them, to reproduce by hand. */
  examples: string[];
}

const FAILURES = [
  "crashes",
  "nonVerbatim",
  "limitBreaks",
  "pings",
  "maskedLinks",
  "unanswered",
  "answeredTwice",
  "othersMessagesTurned",
] as const;
const MAX_EXAMPLES = 10;
const MODERATOR_ROLE = "1198765432109870001";

export function failureCount(report: FuzzReport): number {
  return FAILURES.reduce((sum, key) => sum + report[key], 0);
}

/**
 * Drives every command the way the world would: each input goes either to a command's core (through
 * the same request the CLI and console make) and every renderer of its answer, or to the router as a
 * hostile gateway payload, through the real discord.js client, with a real store behind /qa and the
 * feedback buttons. In process and seeded: the same seed replays the same run.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const corpus = loadCorpus(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const dossier = createDossier(corpus);
  const dataDir = mkdtempSync(join(tmpdir(), "dossier-fuzz-"));
  const logged: LogLine[] = [];
  const logger = pino(
    { level: "warn" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n"))
          if (line.trim() !== "") logged.push(JSON.parse(line));
        done();
      },
    }),
  );
  const store = openSqliteQaStore({ dataDir, corpus });
  const moderation = createModeration({ store, dossier, corpus, moderatorRoleIds: [MODERATOR_ROLE], logger });
  const route = createRouter({
    context: {
      dossier,
      pages: createAnswerPages({ clock: systemClock }),
      lastQuestions: lastQuestionsMemory(systemClock),
      commands,
      moderation,
      // Rounds never time out here: the fuzz sends answers and stray clicks, not the passing of time.
      quizzes: new QuizGames({
        corpus,
        seconds: 20,
        timer: { start: () => () => {} },
        clock: systemClock,
        rounds: store.quizRounds,
        scores: store,
        moderatorRoleIds: [MODERATOR_ROLE],
        logger,
        secrets: [],
      }),
    },
    cooldowns: new Cooldowns(0, systemClock),
    logger,
    secrets: [],
  });
  const world = createWorld(createSnowflakeFactory());
  const articleLinks = new Set(corpus.articles.flatMap((article) => (article.url ? [article.url] : [])));
  const discord = new InProcessDiscord(world, route, articleLinks);

  const random = new SeededRandom(options.seed);
  const text = new HostileText(random, textSources(corpus));
  const payloads = new InteractionPayloads(
    random,
    text,
    {
      applicationId: world.applicationId,
      guildId: world.guildId,
      channelId: world.channelId,
      bot: { ...world.botUser },
      members: [{ ...world.tester }, ...Array.from({ length: 4 }, (_, i) => member(i))],
      moderatorRoleId: MODERATOR_ROLE,
      citationLines: citationLines(corpus),
    },
    commands.map((command): RESTPostAPIChatInputApplicationCommandsJSONBody => command.data.toJSON()),
  );

  const report: FuzzReport = {
    seed: options.seed,
    n: options.n,
    coreCalls: 0,
    interactions: 0,
    excerptsChecked: 0,
    messagesChecked: 0,
    refusedByDiscordJs: 0,
    crashes: 0,
    nonVerbatim: 0,
    limitBreaks: 0,
    pings: 0,
    maskedLinks: 0,
    unanswered: 0,
    answeredTwice: 0,
    othersMessagesTurned: 0,
    examples: [],
  };
  const fail = (key: (typeof FAILURES)[number], what: string, input: unknown) => {
    report[key] += 1;
    if (report.examples.length < MAX_EXAMPLES) {
      const firstLines = what.split("\n").slice(0, 3).join(" ‹ ").slice(0, 400);
      report.examples.push(`${key}: ${firstLines} — input ${JSON.stringify(input).slice(0, 400)}`);
    }
  };

  try {
    for (let i = 0; i < options.n; i++) {
      if (random.chance(0.4)) fuzzCore(random, text, corpus, dossier, report, fail);
      else await fuzzInteraction(payloads.next(), discord, payloads, logged, report, fail);
      if (options.progress !== undefined && (i + 1) % 10_000 === 0) options.progress(i + 1);
    }
  } finally {
    await discord.destroy();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}

interface LogLine {
  level: number;
  msg: string;
  error?: { type?: string; message?: string };
}

type Fail = (key: (typeof FAILURES)[number], what: string, input: unknown) => void;

async function fuzzInteraction(
  payload: RawPayload,
  discord: InProcessDiscord,
  payloads: InteractionPayloads,
  logged: LogLine[],
  report: FuzzReport,
  fail: Fail,
): Promise<void> {
  report.interactions += 1;
  logged.length = 0;
  const delivery = await discord.deliver(payload);
  for (const customId of delivery.customIds) payloads.remember(customId);
  if (delivery.refusedByDiscordJs) {
    report.refusedByDiscordJs += 1;
    return;
  }
  report.messagesChecked += delivery.callbacks;
  for (const line of logged) {
    // An error logged is a bug answered with an apology; a failed autocomplete is one unless the
    // member's own input (a UserError) caused it.
    const bug = line.level >= 50 || (line.msg === "autocomplete failed" && line.error?.type !== "UserError");
    if (bug) fail("crashes", `${line.msg}: ${line.error?.type}: ${line.error?.message}`, payload);
  }
  for (const problem of [...delivery.limitBreaks, ...delivery.unexpected])
    fail("limitBreaks", problem, payload);
  for (let n = 0; n < delivery.pings; n++) fail("pings", "a message that could notify", payload);
  for (let n = 0; n < delivery.maskedLinks; n++) fail("maskedLinks", "a live masked link", payload);
  if (delivery.callbacks === 0) fail("unanswered", "no answer reached Discord", payload);
  if (delivery.callbacks > 1) fail("answeredTwice", `${delivery.callbacks} answers`, payload);
  if (delivery.othersMessageTurned)
    fail("othersMessagesTurned", "edited a message it does not answer", payload);
}

const COMMANDS = ["ask", "demand", "quote", "timeline", "who", "source"] as const;
const FIELDS: Record<(typeof COMMANDS)[number], readonly string[]> = {
  ask: ["question", "article"],
  demand: ["topic"],
  quote: ["speaker", "topic"],
  timeline: ["from", "to", "topic"],
  who: ["person"],
  source: ["article"],
};
const REQUIRED = new Set(["question", "person"]);

/** One command's core through the request every front door makes, and every renderer of what it returns. */
function fuzzCore(
  random: SeededRandom,
  text: HostileText,
  corpus: Corpus,
  dossier: ReturnType<typeof createDossier>,
  report: FuzzReport,
  fail: Fail,
): void {
  report.coreCalls += 1;
  const command = random.pick(COMMANDS);
  const fields = new Map<string, string>();
  for (const field of FIELDS[command]) {
    if (REQUIRED.has(field) || random.chance(0.6)) fields.set(field, text.text());
  }
  const raw = { command, ...Object.fromEntries(fields) };
  let output: CommandOutput;
  try {
    output = runRequest(dossier, parseRequest(raw));
    if (random.chance(0.2))
      dossier.suggest(
        random.pick(["topic", "demand", "speaker", "person", "article", "year"]),
        text.text(),
        25,
      );
  } catch (error) {
    if (!(error instanceof UserError))
      fail("crashes", String(error instanceof Error ? error.stack : error), raw);
    return;
  }
  try {
    renderForTerminal(output, { color: random.chance(0.5), width: random.pick([undefined, 20, 80]) });
    renderAsJson(output);
    for (const payload of discordPages(output, fields)) {
      report.messagesChecked += 1;
      const parsed = messageDataSchema.safeParse(payload);
      if (!parsed.success) fail("limitBreaks", parsed.error.message, raw);
      else if (isEmptyMessage(parsed.data, 0)) fail("limitBreaks", "an empty message", raw);
      if (/@(everyone|here)/.test(JSON.stringify(payload))) fail("pings", "a painted mass mention", raw);
    }
  } catch (error) {
    fail("crashes", String(error instanceof Error ? error.stack : error), raw);
  }
  if (output.kind === "answer") checkVerbatim(output.answer, corpus, report, fail, raw);
}

/** Every page of the answer as Discord would show it, with paging and vote buttons. */
function discordPages(output: CommandOutput, fields: ReadonlyMap<string, string>): MessagePayload[] {
  if (output.kind === "sources") return [renderSourceList(output.sources)];
  if (output.kind === "source") return [renderSource(output.source)];
  const view = viewOf(output.command, output.answer, fields);
  if (view === undefined) return [];
  const extra = [voteButtonRow("Ab-_0123")];
  return Array.from({ length: pageCountOf(view) }, (_, page) =>
    renderAnswerPage(view, page, { key: "Ab-_0123" }, extra),
  );
}

/** What the Discord command would show for the same words (it leaves out blank options). */
function viewOf(
  command: string,
  answer: Answer,
  fields: ReadonlyMap<string, string>,
): AnswerView | undefined {
  const optional = (field: string) => {
    const value = fields.get(field);
    return value?.trim() ? { [field]: value } : {};
  };
  switch (command) {
    case "ask":
      return { kind: "ask", question: fields.get("question") ?? "", answer };
    case "demand":
      return { kind: "demand", ...optional("topic"), answer };
    case "quote":
      return { kind: "quote", ...optional("speaker"), ...optional("topic"), answer };
    case "timeline":
      return { kind: "timeline", ...optional("from"), ...optional("to"), ...optional("topic"), answer };
    case "who":
      return { kind: "who", person: fields.get("person") ?? "", answer };
    default:
      return undefined;
  }
}

/** Every excerpt, in its results and their labelled sections, word for word in the paragraph it cites. */
function checkVerbatim(answer: Answer, corpus: Corpus, report: FuzzReport, fail: Fail, input: unknown): void {
  for (const result of answer.results) {
    for (const excerpt of [
      ...result.excerpts,
      ...(result.sections ?? []).flatMap((section) => section.excerpts),
    ]) {
      report.excerptsChecked += 1;
      const paragraph = findParagraph(corpus, excerpt.citation.article, excerpt.citation.paragraph);
      if (paragraph === undefined || !isVerbatimIn(excerpt.text, paragraph.text)) {
        fail(
          "nonVerbatim",
          `${excerpt.citation.article} ¶${excerpt.citation.paragraph}: ${excerpt.text}`,
          input,
        );
      }
    }
  }
}

function member(i: number): RawPayload {
  return {
    id: `119876543210987600${i + 2}`,
    username: `member${i}`,
    global_name: null,
    discriminator: "0",
    avatar: null,
  };
}

function textSources(corpus: Corpus) {
  const words = new Set<string>();
  for (const article of primaryArticles(corpus)) {
    for (const paragraph of article.paragraphs)
      for (const word of paragraph.text.split(/\s+/)) words.add(word);
  }
  const knownIds = [
    ...corpus.articles.map((article) => article.id),
    ...corpus.people.flatMap((person) => [person.id, person.name, ...person.aliases]),
    ...corpus.demands.map((demand) => demand.id),
    ...corpus.qa.map((entry) => entry.id),
  ];
  return { words: [...words].slice(0, 5_000), knownIds };
}

/** `article ¶n: the paragraph's first words`, as a moderator pastes a citation into the /qa form. */
function citationLines(corpus: Corpus): string[] {
  return primaryArticles(corpus).flatMap((article) =>
    article.paragraphs
      .slice(0, 5)
      .map((p) => `${article.id} ¶${p.n}: ${p.text.split(/\s+/).slice(0, 8).join(" ")}`),
  );
}

export function formatFuzzReport(report: FuzzReport): string {
  const lines = [
    `Fuzz: ${report.n.toLocaleString("en-US")} inputs, seed ${report.seed} (repeat with --seed ${report.seed})`,
    `  ${report.coreCalls.toLocaleString("en-US")} command cores and their renderers, ${report.interactions.toLocaleString("en-US")} interactions through the router (${report.refusedByDiscordJs.toLocaleString("en-US")} refused by discord.js itself)`,
    `  ${report.excerptsChecked.toLocaleString("en-US")} excerpts and ${report.messagesChecked.toLocaleString("en-US")} messages checked`,
    `  crashes ${report.crashes}, non-verbatim excerpts ${report.nonVerbatim}, limit breaks ${report.limitBreaks}, pings ${report.pings}, live masked links ${report.maskedLinks}, unanswered ${report.unanswered}, answered twice ${report.answeredTwice}, others' messages turned ${report.othersMessagesTurned}`,
  ];
  if (report.examples.length > 0) lines.push("  First failures:", ...report.examples.map((e) => `    ${e}`));
  return lines.join("\n");
}
