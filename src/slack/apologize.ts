import type { Tools } from "./context.js";
import { say } from "./words.js";

/** After an unexpected failure: a short DM saying sorry and what to do next. Never throws. */
export async function apologize({ client, logger }: Tools, user: string): Promise<void> {
  try {
    const opened = await client.conversations.open({ users: user });
    await client.chat.postMessage({ channel: opened.channel?.id ?? user, text: say("apology") });
  } catch (error) {
    logger.error(`Could not even apologise to ${user}`, error);
  }
}
