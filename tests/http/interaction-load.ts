import { setTimeout as sleep } from "node:timers/promises";
import { pageButtonsOf, sent } from "../e2e/bot-harness.ts";
import {
  autocomplete,
  button,
  type FakeDiscord,
  type InteractionSeed,
  isInteractionCallback,
  slashCommand,
  succeeded,
} from "../fake-discord/index.ts";
import type { FakeMessage } from "../fake-discord/messages.ts";
import type { RoundRobinProxy } from "./round-robin-proxy.ts";

export interface LoadPlan {
  total: number;
  perSecond: number;
  questions: readonly string[];
  /** How long to wait for any one answer before counting it lost; a bound, not a measurement. */
  answerTimeoutMs?: number;
}

export interface LoadResult {
  sent: number;
  /** Interactions with no accepted callback. */
  lost: string[];
  /** Interactions with more than one accepted callback, or a callback Discord refused as a second one. */
  duplicated: string[];
  /** Page turns and votes pressed on a replica other than the one that wrote the button. */
  crossedOver: number;
  /** What the endpoint answered each unsigned, forged, stale or replayed request sent beside the load. */
  forgeryStatuses: number[];
  /** Forgeries answered 2xx: taken for Discord's. */
  forgeriesAccepted: number;
  /** Send → callback, in ms, with the replica that answered. */
  latencies: Array<{ ms: number; replica: number | undefined }>;
  elapsedMs: number;
}

interface Answered {
  message: FakeMessage;
  more: string | undefined;
  helpful: string | undefined;
}

/**
 * Discord's side of a busy hour, at a fixed rate (a slow answer never slows the load down): mostly
 * /ask, with "More" and 👍 pressed on earlier answers (the proxy sends those to the other replica),
 * autocomplete, and a forged request beside every tenth interaction.
 */
export async function runInteractionLoad(
  fake: FakeDiscord,
  /** In front of HTTP replicas; without one (gateway mode) no forgery is sent. */
  proxy: RoundRobinProxy | undefined,
  plan: LoadPlan,
): Promise<LoadResult> {
  const answered: Answered[] = [];
  const waits: Array<Promise<{ id: string; ms: number | undefined }>> = [];
  const forgeryChecks: Array<Promise<number>> = [];
  const crossedBefore = proxy?.crossedOver ?? 0;
  const intervalMs = 1000 / plan.perSecond;
  const started = performance.now();

  for (let i = 0; i < plan.total; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    const { seed, isAsk } = nextSeed(i, plan.questions, answered);
    const sentAt = performance.now();
    const { id } = fake.injectInteraction(seed);
    waits.push(
      fake.waitForCallback(id, { timeoutMs: plan.answerTimeoutMs ?? 30_000 }).then(
        (callback) => {
          if (isAsk) rememberAnswer(fake, id, callback, answered);
          return { id, ms: performance.now() - sentAt };
        },
        () => ({ id, ms: undefined }),
      ),
    );
    if (i % 10 === 5 && proxy !== undefined) forgeryChecks.push(sendForgery(fake, proxy.url, i));
  }
  const outcomes = await Promise.all(waits);
  const elapsedMs = performance.now() - started;
  const statuses = await Promise.all(forgeryChecks);
  return {
    sent: plan.total,
    lost: outcomes.filter((outcome) => outcome.ms === undefined).map((outcome) => outcome.id),
    duplicated: outcomes
      .map((outcome) => outcome.id)
      .filter((id) => acceptedCallbacks(fake, id) > 1 || refusedAsSecond(fake, id)),
    crossedOver: (proxy?.crossedOver ?? 0) - crossedBefore,
    forgeryStatuses: statuses,
    forgeriesAccepted: statuses.filter((status) => status >= 200 && status < 300).length,
    latencies: outcomes.flatMap((outcome) =>
      outcome.ms === undefined ? [] : [{ ms: outcome.ms, replica: proxy?.answeredBy.get(outcome.id) }],
    ),
    elapsedMs,
  };
}

/** Seven in ten ask, one turns a page, one votes, one autocompletes; presses need an earlier answer. */
function nextSeed(
  i: number,
  questions: readonly string[],
  answered: readonly Answered[],
): { seed: InteractionSeed; isAsk: boolean } {
  const earlier = answered[(i * 7) % Math.max(1, answered.length)];
  const voter = {
    id: String(1_190_000_000_000_000_000n + BigInt(i)),
    username: `member${i}`,
    global_name: null,
    discriminator: "0",
    avatar: null,
  };
  if (i % 10 === 7 && earlier?.more !== undefined) {
    return { seed: button(earlier.more, { message: earlier.message }), isAsk: false };
  }
  if (i % 10 === 8 && earlier?.helpful !== undefined) {
    return { seed: button(earlier.helpful, { message: earlier.message, user: voter }), isAsk: false };
  }
  if (i % 10 === 9) return { seed: autocomplete("quote", { speaker: "put" }, "speaker"), isAsk: false };
  return {
    seed: slashCommand("ask", { question: questions[i % questions.length] ?? "Why now?" }),
    isAsk: true,
  };
}

function rememberAnswer(fake: FakeDiscord, id: string, callback: unknown, answered: Answered[]): void {
  const message = fake.interaction(id)?.original;
  if (message === undefined) return;
  const buttons = pageButtonsOf(sent(callback));
  answered.push({
    message,
    more: buttons.find((b) => b.label === "More ▶")?.custom_id,
    helpful: buttons.find((b) => b.label === "Helpful")?.custom_id,
  });
}

function acceptedCallbacks(fake: FakeDiscord, id: string): number {
  return fake.requests.filter((request) => isInteractionCallback(id)(request) && succeeded(request)).length;
}

function refusedAsSecond(fake: FakeDiscord, id: string): boolean {
  return fake.requests.some(
    (request) =>
      isInteractionCallback(id)(request) &&
      typeof request.responseBody === "object" &&
      request.responseBody !== null &&
      "code" in request.responseBody &&
      request.responseBody.code === 40060,
  );
}

/** Unsigned, signed by another key, stale, or a replay of a request already delivered: all must get 401. */
async function sendForgery(fake: FakeDiscord, proxyUrl: string, i: number): Promise<number> {
  const body = JSON.stringify({
    id: String(900_000 + i),
    type: 2,
    token: `forged-${i}`,
    application_id: "1",
    data: { name: "ask" },
  });
  const signed = fake.signedHeaders(body);
  const stale = fake.signedHeaders(body, String(Math.floor(Date.now() / 1000) - 3600));
  const kinds: Array<Record<string, string>> = [
    { "content-type": "application/json" },
    { ...signed, "x-signature-ed25519": "ab".repeat(64) },
    stale,
  ];
  // A connection that fails is no acceptance; 0 stands for it.
  const post = (headers: Record<string, string>, payload = body) =>
    fetch(`${proxyUrl}/interactions`, { method: "POST", headers, body: payload }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
  const kind = kinds[Math.floor(i / 10) % (kinds.length + 1)];
  if (kind !== undefined) return post(kind);
  // A replay: a signed PING (harmless when first delivered), then the very same request again.
  const ping = JSON.stringify({ id: String(800_000 + i), type: 1, token: "p", application_id: "1" });
  const headers = fake.signedHeaders(ping);
  if ((await post(headers, ping)) !== 200) return 0;
  return post(headers, ping);
}
