import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { openQuestionnaire } from "../questionnaire.js";

type ShortcutArgs = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;

/** The global shortcut: the same questionnaire; with no channel, the answer comes as a DM. */
export function newAdvice(deps: SlackDeps) {
  return async ({ ack, shortcut, client }: ShortcutArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    await openQuestionnaire(client, deps, shortcut.trigger_id, { channel: null, answers: {} });
  };
}
