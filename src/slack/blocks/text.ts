import type { Button, ContextBlock, PlainTextElement, PlainTextOption, SectionBlock } from "@slack/types";

/** Block Kit limits this app builds against (see the Slack limits in the project's knowledge notes). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  contextElements: 10,
  privateMetadata: 3000,
} as const;

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function plain(text: string, max: number = LIMITS.buttonText): PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

export function section(text: string, blockId?: string): SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) },
    ...(blockId !== undefined && { block_id: blockId }),
  };
}

export function context(text: string): ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: truncate(text, LIMITS.sectionText) }] };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}

export function button(text: string, actionId: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    text: plain(text),
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
    ...(style !== undefined && { style }),
  };
}
