// One JSON POST with a deadline covering the answer's body too (src/channels/shared/deadline.ts).
import { deadline, DeadlineError } from "../shared/deadline.ts";

export interface PostAnswer {
  status: number;
  text: string;
}

export async function postJson(
  fetchFn: typeof fetch,
  url: string,
  body: unknown,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<PostAnswer> {
  const res = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
    signal: deadline(timeoutMs),
  });
  return { status: res.status, text: await res.text() };
}

/** The reason to log for a failed post: the timeout, or the network error's message. */
export function postFailure(error: unknown): string {
  return error instanceof DeadlineError ? error.message : (error as Error).message;
}
