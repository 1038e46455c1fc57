import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { openQuestionnaire } from "../questionnaire.js";

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

const TITLE_MAX = 200;

/** The message shortcut: the questionnaire with the message's text as the decision's title. */
export function adviceFromMessage(deps: SlackDeps) {
  return async ({ ack, shortcut, client }: ShortcutArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const title = (shortcut.message.text ?? "").replace(/\s+/g, " ").trim().slice(0, TITLE_MAX);
    await openQuestionnaire(client, deps, shortcut.trigger_id, {
      channel: shortcut.channel.id,
      answers: { title },
    });
  };
}
