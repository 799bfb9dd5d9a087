// The line a report parser reads: recognised pieces are replaced by blanks of the same length,
// so every span found earlier stays valid.

/** The line being read, with recognised pieces replaced by blanks of the same length. */
export class WorkLine {
  constructor(public text: string) {}

  blank(start: number, end: number): void {
    if (end > start) this.text = this.text.slice(0, start) + " ".repeat(end - start) + this.text.slice(end);
  }

  /** Blanks many spans in one pass; spans are in order and do not overlap. */
  blankSpans(spans: ReadonlyArray<readonly [number, number]>): void {
    if (spans.length === 0) return;
    let out = "";
    let at = 0;
    for (const [start, end] of spans) {
      out += this.text.slice(at, start) + " ".repeat(end - start);
      at = end;
    }
    this.text = out + this.text.slice(at);
  }

  blankAll(pattern: RegExp): void {
    this.text = this.text.replace(pattern, (hit) => " ".repeat(hit.length));
  }
}

/** Longest first, so "总投资额" is tried before "总投资". */
export function sortLongestFirst(words: string[]): readonly string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/** The word of `words` that ends at `end` in `text`, if any. */
export function endingWith(text: string, end: number, words: readonly string[]): string | null {
  for (const w of words) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return null;
}
