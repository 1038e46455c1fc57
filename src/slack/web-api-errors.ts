/** The `error` code of a failed Web API call (e.g. `not_in_channel`), when Slack sent one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string") return data.error;
  const code = (error as { code?: unknown }).code;
  return code === "slack_webapi_rate_limited_error" ? "ratelimited" : undefined;
}
