// Normalises what people type on phones before any parsing.
// NFKC folds full-width digits, letters and punctuation to ASCII ("８０００万" → "8000万",
// "：" → ":"), which keeps one UTF-16 unit per character for those, so spans stay simple.
// The ideographic space and other exotic blanks become plain spaces, runs of blanks collapse.

const BLANKS = /[\s\u3000\u00a0\u200b]+/g;

export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(BLANKS, " ").trim();
}

/** Removes a leading "@bot" mention (any name up to the first blank) and a leading slash. */
export function stripMention(text: string, botNames: readonly string[] = []): string {
  let rest = text.trim();
  for (const name of botNames) {
    if (name && rest.startsWith(`@${name}`)) return rest.slice(name.length + 1).trim();
  }
  if (rest.startsWith("@")) {
    const space = rest.indexOf(" ");
    rest = space === -1 ? "" : rest.slice(space + 1).trim();
  }
  return rest;
}
