import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Tools } from "./context.js";

/**
 * A short note only `user` sees, where no response_url exists (a modal's submission): an ephemeral in the
 * channel the questionnaire was opened from, or a DM when there is none or the ephemeral fails.
 */
export async function tellPrivately(
  { client, logger }: Tools,
  user: string,
  channel: string | null,
  text: string,
): Promise<void> {
  if (channel !== null) {
    try {
      await client.chat.postEphemeral({ channel, user, text });
      return;
    } catch (error) {
      logger.warn(`chat.postEphemeral to ${user} in ${channel} failed; sending a DM instead`, error);
    }
  }
  await postDirectMessage(client, user, { text });
}

/** Posts in the app's direct message with `user`; resolves with where it went. Throws when Slack refuses. */
export async function postDirectMessage(
  client: WebClient,
  user: string,
  message: { text: string; blocks?: KnownBlock[] },
): Promise<{ channel: string; ts: string }> {
  const opened = await client.conversations.open({ users: user });
  const channel = opened.channel?.id ?? user;
  const result = await client.chat.postMessage({ channel, ...message });
  return { channel, ts: result.ts ?? "" };
}
