import type { SuggestField, Suggestion } from "./dossier.ts";
import type { DossierIndexes } from "./dossier-indexes.ts";
import { rankNameMatch } from "./listings/name-match.ts";
import { candidatesFor } from "./suggestion-candidates.ts";

/** Discord's limits on autocomplete: 25 choices, names and values of at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_LENGTH = 100;

function withinLimit(text: string): string {
  return text.length <= MAX_SUGGESTION_LENGTH
    ? text
    : `${text.slice(0, MAX_SUGGESTION_LENGTH - 1).trimEnd()}…`;
}

/** Autocomplete: exact › prefix › word prefix › typo (by edit distance); the defaults when empty. */
export function suggest(
  indexes: DossierIndexes,
  field: SuggestField,
  typed: string,
  limit = MAX_SUGGESTIONS,
  guildId?: string,
): Suggestion[] {
  const count = Math.max(
    0,
    Math.min(MAX_SUGGESTIONS, Number.isFinite(limit) ? Math.floor(limit) : MAX_SUGGESTIONS),
  );
  const candidates = candidatesFor(indexes, field, guildId);
  const text = typed.trim().slice(0, MAX_SUGGESTION_LENGTH);
  const ranked =
    text.length === 0
      ? candidates.map((candidate) => ({ candidate, rank: 0 }))
      : candidates.flatMap((candidate) => {
          const rank = rankNameMatch(text, candidate.names);
          return rank === undefined ? [] : [{ candidate, rank }];
        });
  ranked.sort((a, b) => a.rank - b.rank || b.candidate.popularity - a.candidate.popularity);
  return ranked
    .slice(0, count)
    .map(({ candidate }) => ({ name: withinLimit(candidate.name), value: withinLimit(candidate.value) }));
}
