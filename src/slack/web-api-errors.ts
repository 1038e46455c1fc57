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

/**
 * Why a Web API call failed, as a short word for a log line or a notice: Slack's own error code (e.g.
 * `not_in_channel`, `ratelimited`) when it answered with one, else `no_answer` (timed out or unreachable),
 * `http_NNN`, or `invalid_response` (a body that was not Slack's JSON).
 */
export function failureReason(error: unknown): string {
  const code = slackErrorCode(error);
  if (code !== undefined) return SLACK_CODE.test(code) ? code : "invalid_response";
  const call = error as Partial<WebAPICallError> | null;
  if (call?.code === ErrorCode.HTTPError) return `http_${call.statusCode}`;
  if (call?.code === ErrorCode.RequestError) return "no_answer";
  return "unknown";
}

/** True when Slack itself answered with an error code: another channel may work where this one did not. */
export function slackAnswered(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && SLACK_CODE.test(code);
}

// Slack's error codes are short snake_case words; a PlatformError with anything else wraps a body that was
// not JSON (an HTML error page from a proxy).
const SLACK_CODE = /^[a-z0-9_]{1,64}$/;
