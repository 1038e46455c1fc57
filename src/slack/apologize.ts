import type { webApi } from "@slack/bolt";
import type { SlackDeps } from "./deps.js";
import { say } from "./words.js";

/** After an unexpected failure: a short DM saying sorry and what to do next. Never throws. */
export async function apologize(client: webApi.WebClient, deps: SlackDeps, user: string): Promise<void> {
  try {
    const opened = await client.conversations.open({ users: user });
    await client.chat.postMessage({ channel: opened.channel?.id ?? user, text: say("apology") });
  } catch (error) {
    deps.logger.error(`Could not even apologise to ${user}`, error);
  }
}
