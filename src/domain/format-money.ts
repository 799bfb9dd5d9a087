// The display form of money amounts (yuan or US dollars): 亿 or 万 with at most two decimals,
// plain below 1万. Exported again by amount.ts, next to the scanner that finds the amounts.

/** Display form: >= 1亿 → two decimals in 亿 ("5.20亿元", "1.20亿元", "115.57亿元"); >= 1万 → 万 with at most 2 decimals, trailing zeros dropped ("3000万元", "12.5万元", "8000万元"); below → "800元". */
export function formatYuan(yuan: number): string {
  return format(yuan, "元");
}

/** Same rules for US dollars: "500万美元", "1.20亿美元", "800美元". */
export function formatUsd(usd: number): string {
  return format(usd, "美元");
}

function format(amount: number, unit: string): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const sign = amount < 0 ? "-" : "";
  const n = BigInt(Math.round(Math.abs(amount)));
  if (n < 10000n) return `${sign}${n}${unit}`;
  const wanCents = divRound(n, 100n);
  // 99,999,999 rounds to 10000.00万: show it as 1.00亿 instead.
  if (wanCents >= 1_000_000n) {
    const yiCents = divRound(n, 1_000_000n);
    return `${sign}${yiCents / 100n}.${String(yiCents % 100n).padStart(2, "0")}亿${unit}`;
  }
  const frac = String(wanCents % 100n)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${sign}${wanCents / 100n}${frac ? `.${frac}` : ""}万${unit}`;
}

function divRound(n: bigint, d: bigint): bigint {
  return 2n * (n % d) >= d ? n / d + 1n : n / d;
}
