import type { GlobalShortcut } from "@slack/bolt";
import type { ShortcutArgs } from "../context.js";
import { openQuestionnaire } from "../questionnaire.js";

/** The global shortcut: the same questionnaire; with no channel, the answer comes as a DM. */
export async function newAdvice(args: ShortcutArgs<GlobalShortcut>): Promise<void> {
  await args.ack();
  await openQuestionnaire(args, args.shortcut.trigger_id, { channel: null, answers: {} });
}
