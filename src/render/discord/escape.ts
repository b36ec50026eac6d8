/**
 * Makes user and article text show literally in Discord. Character-level rather than discord.js's
 * `escapeMarkdown`, whose pattern rules leave `>` quotes, `#` headings, `-#` subtext, lists, masked
 * links and `<@id>` mentions alone by default: an article sentence must never turn into a heading, and
 * a question must never turn into a mention. A backslash before any ASCII punctuation shows that
 * character, so over-escaping costs a character but never changes what is shown.
 */

/** Markers that act anywhere in a line: emphasis, code, spoilers, masked links, `<@id>`/`<t:…>` tags. */
const INLINE_MARKERS = /[\\*_~`|[\]<]/g;

/** Markers that act only at the start of a line: quotes, headings, subtext, lists. */
const LINE_START_MARKER = /^([ \t]*)([>#+-]|\d+(?=[.)]))/gm;

/**
 * `@everyone` and `@here` ping nobody because every message sets `allowedMentions: { parse: [] }`,
 * but Discord still paints them as mentions; a zero-width space after the `@` makes them plain text.
 */
const MASS_MENTION = /@(everyone|here)/g;
export const ZERO_WIDTH_SPACE = "\u200b";

/** Most text has none of the markers above (a one-line one is cheap to tell), and is returned as it is. */
const INLINE_MARKER_OR_AT = /[\\*_~`|[\]<@]/;
const FIRST_LINE_MARKER = /^[ \t]*(?:[>#+-]|\d+[.)])/;

export function escapeText(text: string): string {
  if (!INLINE_MARKER_OR_AT.test(text) && !FIRST_LINE_MARKER.test(text) && !text.includes("\n")) return text;
  return text
    .replace(INLINE_MARKERS, (marker) => `\\${marker}`)
    .replace(LINE_START_MARKER, (_match, indent: string, marker: string) =>
      // For a numbered list ("1. "), the dot after the number is what makes it a list.
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    )
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Text for places Discord shows without markdown (button labels, autocomplete choices, embed author
 * and footer): only mass mentions need neutralising there, and a backslash would show as one.
 */
export function plainText(text: string): string {
  return text.replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
}
