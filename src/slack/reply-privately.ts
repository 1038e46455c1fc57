import type { RespondArguments, RespondFn, SlashCommand } from "@slack/bolt";
import type { Tools } from "./context.js";

/** Sends a message only the person who ran the command sees. */
export type PrivateReply = (message: RespondArguments) => Promise<void>;

/**
 * Answers through the command's response_url when Slack sent one; without it (Bolt then gives no `respond`),
 * through chat.postEphemeral in the command's channel. A command naming no person and channel is logged.
 */
export function replyPrivately(
  command: Partial<SlashCommand>,
  respond: RespondFn | undefined,
  { client, logger }: Tools,
): PrivateReply {
  return async (message) => {
    if (command.response_url && respond !== undefined) {
      await respond(message);
      return;
    }
    const { channel_id: channel, user_id: user } = command;
    if (!channel || !user) {
      logger.warn("A slash command without response_url, channel or user: there is no one to answer");
      return;
    }
    await client.chat.postEphemeral({
      channel,
      user,
      text: message.text ?? "",
      ...("blocks" in message && message.blocks !== undefined && { blocks: message.blocks }),
    });
  };
}
