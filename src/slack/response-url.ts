import type { RespondArguments } from "@slack/bolt";
import { ATTEMPT_DEADLINE_MS } from "./web-api-policy.js";

/**
 * Posts a message to a slash command's response_url, outside any request (a delivery from the outbox
 * after a restart has no Bolt `respond`), with a Web API call's deadline. Throws when Slack refuses it or does not answer in time.
 */
export async function postToResponseUrl(url: string, message: RespondArguments): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(ATTEMPT_DEADLINE_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}
