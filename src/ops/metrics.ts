import { type Client, Events } from "discord.js";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Answer } from "../answer/answer.ts";
import type { Dossier } from "../answer/dossier.ts";
import type { SlashCommand } from "../bot/command.ts";
import type { QaStore } from "../store/index.ts";
import { UserError } from "../user-error.ts";

/**
 * What /metrics exposes, and the wrappers that count it. The wrappers sit around the commands, the
 * answer core and the store rather than inside them, so that nothing in the bot knows of Prometheus
 * and a bot without METRICS_PORT runs exactly the code it always did.
 */
export interface Metrics {
  registry: Registry;
  interactions: Counter<"command" | "outcome">;
  answerSeconds: Histogram<"command">;
  notCovered: Counter<"command">;
  votes: Counter<"vote">;
  gatewayReconnects: Counter;
  storeWrites: Counter<"operation">;
}

export function createMetrics(): Metrics {
  // A registry of our own: two bots in one test process must not share (or double-register) metrics.
  const registry = new Registry();
  // Unprefixed (process_cpu_seconds_total, nodejs_heap_size_used_bytes…), as the usual dashboards expect.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    interactions: new Counter({
      name: "dossier_interactions_total",
      help: "Slash commands handled, by command and outcome (answered, refused: a sentence for the member, failed: a bug).",
      labelNames: ["command", "outcome"],
      registers,
    }),
    answerSeconds: new Histogram({
      name: "dossier_answer_duration_seconds",
      help: "Time a slash command takes to answer, sending the reply included.",
      labelNames: ["command"],
      // Discord allows 3 s for the first answer; most take a few milliseconds.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    notCovered: new Counter({
      name: "dossier_not_covered_total",
      help: "Answers the articles do not seem to cover (shown as suggestions only).",
      labelNames: ["command"],
      registers,
    }),
    votes: new Counter({
      name: "dossier_votes_total",
      help: "Members' votes on answers (Helpful / Not helpful).",
      labelNames: ["vote"],
      registers,
    }),
    gatewayReconnects: new Counter({
      name: "dossier_gateway_reconnects_total",
      help: "Times the gateway connection was lost and the bot started reconnecting.",
      registers,
    }),
    storeWrites: new Counter({
      name: "dossier_store_writes_total",
      help: "Committed writes to the moderators' database, by operation.",
      labelNames: ["operation"],
      registers,
    }),
  };
}

/** Each command timed and counted by outcome; what it throws still reaches the router unchanged. */
export function countCommands(commands: readonly SlashCommand[], metrics: Metrics): SlashCommand[] {
  return commands.map((command) => ({
    ...command,
    async execute(interaction, ctx) {
      const labels = { command: command.data.name };
      const stopTimer = metrics.answerSeconds.startTimer(labels);
      let outcome = "failed";
      try {
        await command.execute(interaction, ctx);
        outcome = "answered";
      } catch (error) {
        if (error instanceof UserError) outcome = "refused";
        throw error;
      } finally {
        stopTimer();
        metrics.interactions.inc({ ...labels, outcome });
      }
    },
  }));
}

/** The answer core, counting the answers it gives without confidence. */
export function countNotCovered(dossier: Dossier, metrics: Metrics): Dossier {
  const counted = (command: string, answer: Answer): Answer => {
    if (!answer.confident) metrics.notCovered.inc({ command });
    return answer;
  };
  return {
    ...dossier,
    ask: (question, options) => counted("ask", dossier.ask(question, options)),
    demands: (topic) => counted("demand", dossier.demands(topic)),
    quotes: (filter) => counted("quote", dossier.quotes(filter)),
    timeline: (filter) => counted("timeline", dossier.timeline(filter)),
    who: (person) => counted("who", dossier.who(person)),
  };
}

const STORE_WRITES = new Set<PropertyKey>([
  "add",
  "edit",
  "remove",
  "restore",
  "recordFeedback",
  "recordQuestion",
  "importEntries",
]);

/** The store, counting each write once it has committed (and each vote among them). */
export function countStoreWrites(store: QaStore, metrics: Metrics): QaStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (!STORE_WRITES.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        metrics.storeWrites.inc({ operation: String(property) });
        // recordFeedback(guildId, resultId, questionText, vote, userId)
        if (property === "recordFeedback") metrics.votes.inc({ vote: String(args[3]) });
        return result;
      };
    },
  });
}

export function countReconnects(client: Client, metrics: Metrics): void {
  client.on(Events.ShardReconnecting, () => metrics.gatewayReconnects.inc());
}
