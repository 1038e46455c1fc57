import type { Advice } from "../advice/advice.js";
import { answeredQuestions, type QuestionnaireKnowledge } from "../advice/questionnaire.js";
import type { Requirements } from "../vocabulary/index.js";
import { renderTemplate } from "./environment.js";
import { withShownSources } from "./sources.js";
import { changesInWords } from "./what-would-change.js";

export type AdviceFormat = "text" | "markdown";

/**
 * The whole answer for one output: the terminal or a Markdown decision record (Slack: slack-answer.ts). The record
 * words its context with the questionnaire's labels, which the knowledge holds.
 */
export function renderAdvice(
  advice: Advice,
  requirements: Requirements,
  format: AdviceFormat,
  knowledge: QuestionnaireKnowledge,
): string {
  return renderTemplate(
    ADVICE_TEMPLATES[format],
    {
      ...adviceContext(advice, requirements),
      answers: answeredQuestions(requirements, knowledge),
      whatWouldChange: changesInWords(advice, knowledge),
    },
    format,
  );
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters at line breaks, keeping a bullet with its indented
 * continuation lines where they fit in one piece. A code block cut in two is closed at the end of one piece
 * and reopened in the next; a single over-long line is cut hard.
 */
export function splitSection(text: string, limit: number): string[] {
  if (text === "") return [];
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let current: string[] = [];
  let inCode = false;
  const width = limit - 2 * CLOSING.length;
  const lines = text.split("\n").flatMap((line) => hardSplit(line, width));
  for (const item of items(lines, width)) {
    // A fence is always the first line of its item: the lines joined to an item are indented.
    const stillInCode: boolean = inCode !== (item[0] as string).startsWith(FENCE);
    const length = joinedLength([...current, ...item]) + (stillInCode ? CLOSING.length : 0);
    if (length > limit && current.length > 0) {
      pieces.push(current.join("\n") + (inCode ? CLOSING : ""));
      current = inCode ? [FENCE] : [];
    }
    current.push(...item);
    inCode = stillInCode;
  }
  pieces.push(current.join("\n"));
  return pieces;
}

/** The lines grouped as they are read: outside code, an indented line belongs to the item above it. */
function items(lines: string[], width: number): string[][] {
  const grouped: string[][] = [];
  let inCode = false;
  for (const line of lines) {
    const last = grouped.at(-1);
    if (!inCode && last !== undefined && /^\s/.test(line) && joinedLength([...last, line]) <= width)
      last.push(line);
    else grouped.push([line]);
    if (line.startsWith(FENCE)) inCode = !inCode;
  }
  return grouped;
}

const FENCE = "```";
const CLOSING = `\n${FENCE}`;

const ADVICE_TEMPLATES: Record<AdviceFormat, string> = {
  text: "advice.text",
  markdown: "advice.md",
};

function adviceContext(advice: Advice, requirements: Requirements): object {
  // Optional fields become null so the strict templates can test them.
  return {
    ...withShownSources(advice),
    requirements: { ...requirements, service: requirements.service ?? null },
  };
}

function joinedLength(lines: string[]): number {
  return lines.reduce((sum, line) => sum + line.length, 0) + Math.max(0, lines.length - 1);
}

function hardSplit(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const parts: string[] = [];
  for (let start = 0; start < line.length; start += width) parts.push(line.slice(start, start + width));
  return parts;
}
