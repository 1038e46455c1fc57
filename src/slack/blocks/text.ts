import type {
  Button,
  ConfirmationDialog,
  ContextBlock,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from "@slack/types";
import { SLACK_LIMITS } from "../limits.js";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Cuts `text` to at most `max` characters (UTF-16 units, as Slack counts), marking the cut with an
 * ellipsis. The cut never splits a character (an emoji, a letter with its accent) and falls at the end of
 * a word when there is one in the last fifth.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = "";
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  const space = kept.search(/\s\S*$/);
  const atWord = space >= max * 0.8 ? kept.slice(0, space) : kept;
  return `${atWord.trimEnd()}…`;
}

export function plain(text: string, max: number = SLACK_LIMITS.buttonText): PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

export function section(text: string, blockId?: string): SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) },
    ...(blockId !== undefined && { block_id: blockId }),
  };
}

export function context(text: string): ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) }] };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, SLACK_LIMITS.optionText), value: value.slice(0, SLACK_LIMITS.optionValue) };
}

export interface ButtonOptions {
  style?: "primary" | "danger";
  /** Asks before acting: Accept and Reject change the team's record. */
  confirm?: ConfirmationDialog;
  accessibilityLabel?: string;
}

export function button(text: string, actionId: string, value: string, options: ButtonOptions = {}): Button {
  return {
    type: "button",
    text: plain(text),
    action_id: actionId,
    value: value.slice(0, SLACK_LIMITS.buttonValue),
    ...(options.style !== undefined && { style: options.style }),
    ...(options.confirm !== undefined && { confirm: options.confirm }),
    ...(options.accessibilityLabel !== undefined && {
      accessibility_label: truncate(options.accessibilityLabel, SLACK_LIMITS.accessibilityLabel),
    }),
  };
}

/** A confirmation dialog; `text` is mrkdwn (user text in it already escaped by the template). */
export function confirmation(
  title: string,
  text: string,
  confirm: string,
  deny: string,
  style?: "primary" | "danger",
): ConfirmationDialog {
  return {
    title: plain(title, SLACK_LIMITS.confirmTitle),
    text: { type: "mrkdwn", text: truncate(text, SLACK_LIMITS.confirmText) },
    confirm: plain(confirm, SLACK_LIMITS.confirmButton),
    deny: plain(deny, SLACK_LIMITS.confirmButton),
    ...(style !== undefined && { style }),
  };
}
