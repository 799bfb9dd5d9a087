// fetch() reports every network failure as "fetch failed" with the real cause inside.
export function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "no answer in time";
  const cause = error.cause instanceof Error ? (error.cause as Error & { code?: string }) : undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}
