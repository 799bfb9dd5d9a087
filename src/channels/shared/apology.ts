// The one answer a person gets when handling their message failed on our side: the
// dispatcher's apology with its reference id (also in the log), or a generic one when the
// failure happened before the dispatcher could give it an id.
import { InternalError, internalErrorText } from "../../bot/dispatcher.ts";

export const GENERIC_APOLOGY = "抱歉，处理时出错了，请稍后再试；如一直出错请告诉管理员。";

export function apologyFor(error: unknown): string {
  return error instanceof InternalError ? internalErrorText(error) : GENERIC_APOLOGY;
}
