/**
 * Author biographies: "Amy Mackinnon is a national security and intelligence reporter at Foreign
 * Policy." or "DMITRI TRENIN is Director of the Carnegie Moscow Center." The name is in one case
 * throughout (Title Case or CAPITALS), so "Subscribe Now DMITRI TRENIN is…" yields only the name.
 */

const TITLE_NAME = String.raw`\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\.)?(?: \p{Lu}\p{Ll}[\p{L}'’-]*){1,2}`;
const CAPS_NAME = String.raw`\p{Lu}{2,}[\p{Lu}'’-]*(?: \p{Lu}{2,}[\p{Lu}'’-]*){1,2}`;
const ROLE = String.raw`(?:an? |the )?(?:[\p{L}-]+,? ){0,6}?(?:reporter|correspondent|editor|director|fellow|professor|columnist|writer|contributor|analyst|researcher|scholar|chair|author)\b`;

const BIO_ANYWHERE = new RegExp(String.raw`(?:^|[\s.!?])(${TITLE_NAME}|${CAPS_NAME}) is (?:${ROLE})`, "u");
const BIO_AT_START = new RegExp(`^(?:${TITLE_NAME}|${CAPS_NAME}) is (?:${ROLE})`, "u");
const ROLE_CASE_INSENSITIVE = new RegExp(ROLE, "iu");

/** "Director of" is capitalised in some bios: compare the role words without case. */
function withRoleCaseFolded(text: string): string {
  return text.replace(/ is (.*)$/u, (_all, rest: string) =>
    ROLE_CASE_INSENSITIVE.test(rest) ? ` is ${rest.toLowerCase()}` : ` is ${rest}`,
  );
}

export function bioName(text: string): string | undefined {
  return BIO_ANYWHERE.exec(withRoleCaseFolded(text))?.[1];
}

/**
 * The biography in a line, word for word, from the name to the end of its sentence: without what a
 * page printed before it ("Subscribe Now") or a social handle after it.
 */
export function bioSentence(text: string): string | undefined {
  const name = bioName(text);
  if (name === undefined) return undefined;
  const from = text.indexOf(name);
  const rest = text.slice(from).replace(SOCIAL_HANDLE, "");
  const end = /[.!?](?=\s|$)/.exec(rest);
  return (end === null ? rest : rest.slice(0, end.index + 1)).trim();
}

export function startsWithBio(text: string): boolean {
  return BIO_AT_START.test(withRoleCaseFolded(text));
}

export const SOCIAL_HANDLE = /\b(?:Twitter|X|Instagram|Bluesky|Mastodon|Threads)\s*:\s*@[\w.]+/i;
