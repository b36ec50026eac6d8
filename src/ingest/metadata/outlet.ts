import { isShouted, titleCaseShouted } from "../rules/title-case.ts";

/** Where a text names its outlet, from the most to the least direct evidence. */

/** "The Washington PostDemocracy Dies in Darkness": the name glued to the slogan ends at "Post". */
export function outletFromMasthead(masthead: string): string {
  const glued = /^(.*?\p{Ll})(\p{Lu}\p{Ll}.*)$/u.exec(masthead);
  const name = glued?.[1] && !/\s$/.test(glued[1]) ? glued[1] : masthead;
  return isShouted(name) ? titleCaseShouted(name) : name.trim();
}

/** "More from Foreign Policy", "Stay tuned for the latest from Foreign Affairs." */
export function outletFromMoreFrom(text: string): string | undefined {
  const match =
    /\b(?:[Mm]ore (?:stories )?from|[Tt]he latest from)\s+((?:The\s+)?\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){0,4})/u.exec(
      text,
    );
  return match?.[1]?.trim();
}

/** Only a short host name is an outlet name by itself (npr.org → NPR); longer ones cannot be split into words. */
export function outletFromUrl(url: string): string | undefined {
  const host = /^https?:\/\/([^/]+)/i.exec(url)?.[1]?.toLowerCase();
  const label = host?.split(".").at(-2);
  return label && /^[a-z]{2,4}$/.test(label) ? label.toUpperCase() : undefined;
}

/** "Copyright © 2022 by the Council on Foreign Relations, Inc." → the publisher. */
export function outletFromCopyright(text: string): string | undefined {
  const match =
    /(?:copyright|©)\s*(?:©\s*)?(?:\d{4}(?:[-–]\d{4})?\s*)?(?:by\s+)?(?:the\s+)?(.+?)(?:,?\s+(?:Inc|LLC|Ltd)\.?)?\.?$/i.exec(
      text.replace(/\s*All rights reserved\.?/i, "").trim(),
    );
  const name = match?.[1]?.trim();
  return name && /^\p{Lu}/u.test(name) ? name : undefined;
}
