import type { Person } from "../../knowledge/schema.ts";
import { UserError } from "../../user-error.ts";
import { bestMatches, closeness, rankNameMatch } from "./name-match.ts";

/** No person's name is longer; anything past this is not a name. */
const MAX_NAME_INPUT = 100;
const DID_YOU_MEAN = 3;
/** Of the typed name's length, the edits a near miss may be away (two at least). */
const NEAR_MISS_SHARE = 0.4;

/** A role's first clause, what they are ("President of Ukraine"), before what the articles add. */
export const roleOf = (person: Person) => (person.role.split(/[,;(]/)[0] ?? "").trim();
const roleLength = (person: Person) => roleOf(person).split(/\s+/).length;

export const personNames = (person: Person) => [person.id, person.name, ...person.aliases];

/**
 * The person meant by `typed` (id, name or alias, typos allowed: "Stoltenburg", "zelenskyy"; or
 * role: "the ukrainian foreign minister"), or a UserError asking which of several it fits, or naming
 * the closest people.
 */
export function findPerson(people: ReadonlyArray<Person>, typed: string, what: "person" | "speaker"): Person {
  // "The senior official", "a Pentagon spokesman": names are listed without an article.
  const text = typed
    .trim()
    .replace(/^(?:the|a|an)\s+(?=\S)/i, "")
    .slice(0, MAX_NAME_INPUT);
  if (text.length === 0)
    throw new UserError(`empty-${what}`, `Type the name of a ${what}, for example: Putin.`);
  const named = bestMatches(people, (person) => rankNameMatch(text, personNames(person)));
  // Members name some by what they do ("the ukrainian foreign minister", "pentagon spokesman"): a
  // role is matched as a name is, without typos (its words are common ones), and of two roles
  // matched alike the one said in fewer words ("President of Ukraine" before "Pro-Russian
  // president of Ukraine").
  const found =
    named.length > 0
      ? named
      : bestMatches(people, (person) => rankNameMatch(text, [roleOf(person)], false), roleLength);
  const [only, ...others] = found;
  if (only && others.length === 0) return only;
  if (only) {
    const choices = found.slice(0, DID_YOU_MEAN).map((person) => `${person.name} (${roleOf(person)})`);
    const more = found.length - choices.length;
    const last = more > 0 ? `${more} more` : choices.pop();
    throw new UserError(
      `ambiguous-${what}`,
      `"${text}" could be ${choices.join(", ")} or ${last}: type one of their names.`,
    );
  }
  // Only names a slip of the keyboard away are offered: "macron" is no one's near miss, and
  // something that is no name (an emoji) is nobody's.
  const near = /[\p{L}\p{N}]/u.test(text) ? Math.max(2, Math.floor(text.length * NEAR_MISS_SHARE)) : -1;
  const closest = [...people]
    .map((person) => ({ person, distance: closeness(text, personNames(person)) }))
    .filter(({ distance }) => distance <= near)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, DID_YOU_MEAN)
    // With what they do: "putin's spokesman" is a few letters from "Pentagon spokesman", and
    // the role says why the name came up, and that it is not the one asked for.
    .map(({ person }) => `${person.name} (${roleOf(person)})`);
  throw new UserError(
    `unknown-${what}`,
    closest.length === 0
      ? `No ${what} called "${text}" in the articles. Type a name they use, for example: Putin.`
      : `No ${what} called "${text}" in the articles. Closest: ${closest.join(", ")}.`,
  );
}
