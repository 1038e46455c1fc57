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
  const opened = await client.conversations.open({ users: user });
  await client.chat.postMessage({ channel: opened.channel?.id ?? user, text });
}
