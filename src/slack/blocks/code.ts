import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn } from "../../render/index.js";
import { LIMITS, section } from "./text.js";

const FENCE = "```";
// Room for the fences and the newlines around them inside one section's 3,000 characters.
const CHUNK = LIMITS.sectionText - 2 * FENCE.length - 2;

/**
 * Plain text (e.g. a Markdown ADR) as Slack code blocks: cut on line boundaries into sections that fit,
 * grouped into messages that fit the block limit. Escaped, so the text shows as written.
 */
export function codeBlocks(text: string): KnownBlock[][] {
  const chunks: string[] = [];
  let current = "";
  for (const line of escapeMrkdwn(text).split("\n")) {
    for (const piece of splitLong(line)) {
      if (current.length + piece.length + 1 > CHUNK) {
        chunks.push(current);
        current = "";
      }
      current = current === "" ? piece : `${current}\n${piece}`;
    }
  }
  if (current !== "") chunks.push(current);
  const sections = chunks.map((chunk) => section(`${FENCE}\n${chunk}\n${FENCE}`));
  const messages: KnownBlock[][] = [];
  for (let start = 0; start < sections.length; start += LIMITS.messageBlocks)
    messages.push(sections.slice(start, start + LIMITS.messageBlocks));
  return messages;
}

function splitLong(line: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < line.length; start += CHUNK) pieces.push(line.slice(start, start + CHUNK));
  return pieces.length === 0 ? [""] : pieces;
}
