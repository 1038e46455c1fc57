import { ErrorCode } from "@slack/web-api";
import type { WebAPICallError } from "@slack/web-api";

/** The `error` code of a failed Web API call (e.g. `not_in_channel`), when Slack sent one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const call = error as WebAPICallError;
  switch (call.code) {
    case ErrorCode.PlatformError:
      return call.data.error;
    case ErrorCode.RateLimitedError:
      return "ratelimited";
    default:
      return undefined;
  }
}
