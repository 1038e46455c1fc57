import type { MessageShortcut } from "@slack/bolt";
import { textLimit } from "../blocks/questionnaire.js";
import { truncate } from "../blocks/text.js";
import type { ShortcutArgs } from "../context.js";
import { openQuestionnaire } from "../questionnaire.js";

/** The message shortcut: the questionnaire, titled with the message as a person reads it. */
export async function adviceFromMessage(args: ShortcutArgs<MessageShortcut>): Promise<void> {
  const { ack, shortcut } = args;
  await ack();
  const title = truncate(readableText(shortcut.message.text ?? ""), textLimit("title"));
  await openQuestionnaire(args, shortcut.trigger_id, { channel: shortcut.channel.id, answers: { title } });
}

/**
 * Slack's message markup as the words a person sees: links show their label (or address), mentions a
 * readable handle, and Slack's three entities their characters; white space is one space.
 */
export function readableText(markup: string): string {
  return markup
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_, target: string, label: string) =>
      label.trim() === "" ? strip(target) : label,
    )
    .replace(/<([^<>]+)>/g, (_, target: string) => strip(target))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

// <@U123> → @U123, <#C123> → #C123, <!here> → @here, <https://x> → https://x
function strip(target: string): string {
  if (target.startsWith("@") || target.startsWith("#")) return target;
  if (target.startsWith("!")) return `@${target.slice(1).replace(/^subteam\^/, "")}`;
  return target.replace(/^mailto:/, "");
}
