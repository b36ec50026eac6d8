import type { Person } from "../../knowledge/schema.ts";
import { UserError } from "../../user-error.ts";
import { closeness, rankNameMatch } from "./name-match.ts";

/** No person's name is longer; anything past this is not a name. */
const MAX_NAME_INPUT = 100;
const DID_YOU_MEAN = 3;
/** Of the typed name's length, the edits a near miss may be away (two at least). */
const NEAR_MISS_SHARE = 0.4;

export const personNames = (person: Person) => [person.id, person.name, ...person.aliases];

/**
 * The person meant by `typed` (id, name or alias, typos allowed: "Stoltenburg", "zelenskyy"), or a
 * UserError naming the closest people. `among` limits the choice (e.g. to people who are quoted).
 */
export function findPerson(people: ReadonlyArray<Person>, typed: string, what: "person" | "speaker"): Person {
  // "The senior official", "a Pentagon spokesman": names are listed without an article.
  const text = typed
    .trim()
    .replace(/^(?:the|a|an)\s+(?=\S)/i, "")
    .slice(0, MAX_NAME_INPUT);
  if (text.length === 0)
    throw new UserError(`empty-${what}`, `Type the name of a ${what}, for example: Putin.`);
  let best: { person: Person; rank: number } | undefined;
  for (const person of people) {
    const rank = rankNameMatch(text, personNames(person));
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = { person, rank };
  }
  if (best) return best.person;
  // Only names a slip of the keyboard away are offered: "macron" is no one's near miss, and
  // something that is no name (an emoji) is nobody's.
  const near = /[\p{L}\p{N}]/u.test(text) ? Math.max(2, Math.floor(text.length * NEAR_MISS_SHARE)) : -1;
  const closest = [...people]
    .map((person) => ({ person, distance: closeness(text, personNames(person)) }))
    .filter(({ distance }) => distance <= near)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, DID_YOU_MEAN)
    .map(({ person }) => person.name);
  throw new UserError(
    `unknown-${what}`,
    closest.length === 0
      ? `No ${what} called "${text}" in the articles. Type a name they use, for example: Putin.`
      : `No ${what} called "${text}" in the articles. Closest: ${closest.join(", ")}.`,
  );
}
