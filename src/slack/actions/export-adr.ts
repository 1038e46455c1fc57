import type { MarkdownBlock } from "@slack/types";
import { renderDecision, splitSection } from "../../render/index.js";
import type { Decision } from "../../store/index.js";
import type { Tools } from "../context.js";
import { SLACK_LIMITS } from "../limits.js";
import { say } from "../words.js";
import { onDecisionButton, replyInThread } from "./decision-button.js";

/**
 * Export ADR: the decision record as Slack shows Markdown (a `markdown` block), in the answer's thread.
 * People are named as Slack knows them, and the record links the answer's message.
 */
export const exportAdr = onDecisionButton(async (decision, args) => {
  const { store, knowledge } = args.context.services;
  const history = await store.history(decision.workspace, decision.id);
  const nameOf = await peopleNames(args, [decision.author, ...history.map((change) => change.actor)]);
  const record = renderDecision(
    { ...decision, author: nameOf(decision.author), channel: null },
    history.map((change) => ({ ...change, actor: nameOf(change.actor) })),
    "markdown",
    knowledge,
    await permalink(args, decision),
  );
  const text = say("adr-export", { id: decision.id, title: decision.title });
  const blocks = splitSection(record, SLACK_LIMITS.markdownText).map((part): MarkdownBlock => ({
    type: "markdown",
    text: part,
  }));
  // Slack allows one markdown block's worth of text (12,000 characters) per message.
  await replyInThread(
    args,
    blocks.map((block) => ({ text, blocks: [block] })),
  );
});

/** Each person's name as Slack shows it; the id stands where Slack cannot say. */
async function peopleNames({ client, logger }: Tools, users: string[]): Promise<(user: string) => string> {
  const names = new Map<string, string>();
  for (const user of new Set(users)) {
    try {
      const { user: info } = await client.users.info({ user });
      const name = info?.profile?.display_name || info?.real_name || info?.name;
      if (name) names.set(user, name);
    } catch (error) {
      logger.warn(`users.info for ${user} failed; the record names them by id`, error);
    }
  }
  return (user) => names.get(user) ?? user;
}

async function permalink({ client, logger }: Tools, decision: Decision): Promise<string | null> {
  if (decision.messageChannel === null || decision.messageTs === null) return null;
  try {
    const link = await client.chat.getPermalink({
      channel: decision.messageChannel,
      message_ts: decision.messageTs,
    });
    return link.permalink ?? null;
  } catch (error) {
    logger.warn(`chat.getPermalink for ${decision.id} failed`, error);
    return null;
  }
}
