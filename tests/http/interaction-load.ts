import { setTimeout as sleep } from "node:timers/promises";
import { pageButtonsOf, sent } from "../e2e/sent-messages.ts";
import {
  autocomplete,
  button,
  type FakeDiscord,
  type InteractionSeed,
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
 *
 * Callbacks are read from the fake's log as they arrive, each once, by one waiter: a waiter per
 * interaction would make every arriving request re-check every pending one, and the load driver, not
 * the bot, would set the pace.
 */
export async function runInteractionLoad(
  fake: FakeDiscord,
  /** In front of HTTP replicas; without one (gateway mode) no forgery is sent. */
  proxy: RoundRobinProxy | undefined,
  plan: LoadPlan,
): Promise<LoadResult> {
  const answered: Answered[] = [];
  const sent = new Map<string, { at: number; isAsk: boolean }>();
  const latencies = new Map<string, number>();
  const forgeryChecks: Array<Promise<number>> = [];
  const crossedBefore = proxy?.crossedOver ?? 0;
  let read = 0;
  /** Takes in the callbacks logged since the last call. */
  const readCallbacks = () => {
    for (; read < fake.requests.length; read++) {
      const request = fake.requests[read];
      const id = request === undefined ? undefined : callbackIdOf(request.path);
      const sending = id === undefined ? undefined : sent.get(id);
      if (request === undefined || id === undefined || sending === undefined || !succeeded(request)) continue;
      if (latencies.has(id)) continue;
      latencies.set(id, performance.now() - sending.at);
      if (sending.isAsk) rememberAnswer(fake, id, request.body, answered);
    }
  };

  const intervalMs = 1000 / plan.perSecond;
  const started = performance.now();
  for (let i = 0; i < plan.total; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    readCallbacks();
    const { seed, isAsk } = nextSeed(i, plan.questions, answered);
    const at = performance.now();
    const { id } = fake.injectInteraction(seed);
    sent.set(id, { at, isAsk });
    if (i % 10 === 5 && proxy !== undefined) forgeryChecks.push(sendForgery(fake, proxy.url, i));
  }
  await fake
    .waitForRequest(
      () => {
        readCallbacks();
        return latencies.size === sent.size;
      },
      { timeoutMs: plan.answerTimeoutMs ?? 30_000 },
    )
    .catch(() => undefined); // What never came is reported as lost below.
  const elapsedMs = performance.now() - started;
  const statuses = await Promise.all(forgeryChecks);
  const ids = [...sent.keys()];
  return {
    sent: plan.total,
    lost: ids.filter((id) => !latencies.has(id)),
    duplicated: answeredTwice(fake, ids),
    crossedOver: (proxy?.crossedOver ?? 0) - crossedBefore,
    forgeryStatuses: statuses,
    forgeriesAccepted: statuses.filter((status) => status >= 200 && status < 300).length,
    latencies: [...latencies].map(([id, ms]) => ({ ms, replica: proxy?.answeredBy.get(id) })),
    elapsedMs,
  };
}

function callbackIdOf(path: string): string | undefined {
  return /^\/interactions\/([^/]+)\/[^/]+\/callback$/.exec(path)?.[1];
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

/** Interactions with more than one accepted callback, or one Discord refused as already acknowledged (40060). */
function answeredTwice(fake: FakeDiscord, ids: readonly string[]): string[] {
  const accepted = new Map<string, number>();
  const refused = new Set<string>();
  for (const request of fake.requests) {
    const id = callbackIdOf(request.path);
    if (id === undefined) continue;
    if (succeeded(request)) accepted.set(id, (accepted.get(id) ?? 0) + 1);
    const body = request.responseBody;
    if (typeof body === "object" && body !== null && "code" in body && body.code === 40060) refused.add(id);
  }
  return ids.filter((id) => (accepted.get(id) ?? 0) > 1 || refused.has(id));
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
