// The XML of one data row of a worksheet, written the way exceljs writes it (same elements,
// attributes and escaping, so exceljs and Excel read it as if exceljs had written it), without
// exceljs's per-cell objects: a 100,000-row sheet costs a string per row instead of millions of
// Cell, model and style look-ups. Strings are "str" cells (never formulas): text that starts
// with = + - @ stays text.

/** What a cell holds: text, a number, a date (shown as a spreadsheet date) or nothing. */
export type CellValue = string | number | Date | null;

/** Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Characters XML escapes, and control characters XML 1.0 cannot carry (dropped, as exceljs does). */
const SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;

export function xmlText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) out += "&quot;";
    else if (c === 38) out += "&amp;";
    else if (c === 39) out += "&apos;";
    else if (c === 60) out += "&lt;";
    else if (c === 62) out += "&gt;";
    else if (c === 127 || (c <= 31 && c !== 9 && c !== 10 && c !== 13)) continue;
    else out += text[i];
  }
  return out;
}

/** Excel's serial day number of a date (1900 system), as exceljs computes it. */
const excelSerial = (d: Date) => 25569 + d.getTime() / 86_400_000;

/**
 * `<row>` with one `<c>` per column (an empty cell keeps its style: borders stay on blank cells).
 * `styleIds[i]` is column i's style index in styles.xml.
 */
export function rowXml(
  rowNumber: number,
  values: readonly CellValue[],
  letters: readonly string[],
  styleIds: readonly number[],
): string {
  let xml = `<row r="${rowNumber}" spans="1:${letters.length}" x14ac:dyDescent="0.25">`;
  for (let i = 0; i < letters.length; i++) {
    const v = values[i] ?? null;
    const ref = `${letters[i]}${rowNumber}`;
    const s = styleIds[i] ? ` s="${styleIds[i]}"` : "";
    if (typeof v === "string") xml += `<c r="${ref}"${s} t="str"><v>${xmlText(v)}</v></c>`;
    else if (typeof v === "number" && Number.isFinite(v)) xml += `<c r="${ref}"${s}><v>${v}</v></c>`;
    else if (v instanceof Date && !Number.isNaN(v.getTime())) xml += `<c r="${ref}"${s}><v>${excelSerial(v)}</v></c>`;
    else if (s) xml += `<c r="${ref}"${s}/>`;
  }
  return `${xml}</row>`;
}
