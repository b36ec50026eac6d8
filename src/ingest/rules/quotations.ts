/**
 * Quotation marks across blocks: a quotation opened in one block and closed in the next is one
 * paragraph cut in two (`"NATO has never expanded… subversion.` / `It is countries' sovereign
 * choice…," Deputy Secretary…`).
 */

function count(text: string, mark: string): number {
  return text.split(mark).length - 1;
}

export function leavesQuotationOpen(text: string): boolean {
  return count(text, "“") > count(text, "”") || count(text, '"') % 2 === 1;
}

/** The block's first double quote closes a quotation: `…to join," Deputy…`, or a curly `”`. */
export function closesEarlierQuotation(text: string): boolean {
  const first = /[“”"]/.exec(text);
  if (!first) return false;
  if (first[0] === "”") return true;
  if (first[0] === "“") return false;
  const before = text.charAt(first.index - 1);
  const after = text.charAt(first.index + 1);
  return first.index > 0 && /[\p{L}\p{N}\p{P}]/u.test(before) && (after === "" || /[\s\p{P}]/u.test(after));
}
