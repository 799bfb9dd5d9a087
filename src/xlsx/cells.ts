// How figures and dates go into cells: money in 万元 (exact yuan ÷ 10⁴), dates as spreadsheet
// dates at UTC midnight (Excel shows that civil date whatever the reader's time zone).
import type { IsoDate } from "../domain/types.ts";

export const wan = (n: number | null) => (n === null ? null : n / 10_000);

export const sheetDate = (d: IsoDate | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** "2026-11-30" → "11月30日". */
export const monthDay = (d: IsoDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
