// A UserError is a mistake the person can fix: the dispatcher answers with its message
// (and a correct example) instead of an apology with a reference id.
export class UserError extends Error {
  constructor(
    message: string,
    readonly example?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The reply text for a user's mistake: what was wrong, then a correct example. */
export function userErrorText(error: UserError): string {
  return error.example ? `${error.message}\n示例：${error.example}` : error.message;
}
