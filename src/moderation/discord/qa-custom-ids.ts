/**
 * Custom ids of the /qa forms and buttons and of the feedback buttons under /ask answers. Each carries
 * what its click needs and stays under Discord's 100 characters: entry ids are slugs of at most ~64
 * characters, and anything longer (a draft, a question) is a short key into a cache. Decoding returns
 * undefined for anything we did not write, since a modified client can send any custom id.
 */

export type QaCustomId =
  | { kind: "form-add" }
  | { kind: "form-edit"; id: string; version: number }
  | { kind: "draft"; key: string }
  | { kind: "list"; page: number; includeRemoved: boolean }
  | { kind: "history"; id: string; page: number }
  | { kind: "vote"; vote: "up" | "down"; key: string };

const ENTRY_ID = "[a-z0-9]+(?:-[a-z0-9]+)*";
const KEY = "[\\w-]{1,32}";

const PATTERNS: ReadonlyArray<[RegExp, (groups: string[]) => QaCustomId | undefined]> = [
  [/^qa-form:add$/, () => ({ kind: "form-add" })],
  [
    new RegExp(`^qa-form:edit:(\\d{1,6}):(${ENTRY_ID})$`),
    ([version = "", id = ""]) => ({ kind: "form-edit", id, version: Number(version) }),
  ],
  [new RegExp(`^qa-draft:(${KEY})$`), ([key = ""]) => ({ kind: "draft", key })],
  [
    /^qa-list:(\d{1,5}):([01])$/,
    ([page = "", removed = ""]) => ({ kind: "list", page: Number(page), includeRemoved: removed === "1" }),
  ],
  [
    new RegExp(`^qa-history:(\\d{1,4}):(${ENTRY_ID})$`),
    ([page = "", id = ""]) => ({ kind: "history", id, page: Number(page) }),
  ],
  [
    new RegExp(`^vote:(up|down):(${KEY})$`),
    ([vote = "", key = ""]) => (vote === "up" || vote === "down" ? { kind: "vote", vote, key } : undefined),
  ],
];

export function encodeQaCustomId(target: QaCustomId): string {
  switch (target.kind) {
    case "form-add":
      return "qa-form:add";
    case "form-edit":
      return `qa-form:edit:${target.version}:${target.id}`;
    case "draft":
      return `qa-draft:${target.key}`;
    case "list":
      return `qa-list:${target.page}:${target.includeRemoved ? 1 : 0}`;
    case "history":
      return `qa-history:${target.page}:${target.id}`;
    case "vote":
      return `vote:${target.vote}:${target.key}`;
  }
}

/** Whether a custom id belongs to /qa or to the feedback buttons, even one we can no longer decode. */
export function isQaCustomId(customId: string): boolean {
  return /^(qa-form|qa-draft|qa-list|qa-history|vote):/.test(customId);
}

export function decodeQaCustomId(customId: string): QaCustomId | undefined {
  if (customId.length > 100) return undefined;
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(customId);
    if (match !== null) return build(match.slice(1));
  }
  return undefined;
}
