/** The outputs the templates write. Each has its own escaping; none of them is HTML. */
export const TARGETS = ["text", "markdown", "slack", "csv"] as const;
export type Target = (typeof TARGETS)[number];

/** Escapes one string for the target. Applied to every string that reaches a template (see escapeDeep). */
export function escapeFor(target: Target): (text: string) => string {
  return ESCAPERS[target];
}

/**
 * Slack mrkdwn: `&`, `<` and `>` and nothing else, so `<!channel>`, `<@U123>` or `<http://x|y>` typed by a
 * person shows as text instead of pinging or forging a link. Slack shows other entities literally.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Terminal: no markup, but a string must not move the cursor, recolour or clear the screen, so ANSI escape
 * sequences and control characters go; line breaks and tabs become spaces so one value stays one line.
 */
export function sanitizeTerminal(text: string): string {
  return text
    .replace(ANSI_SEQUENCE, "")
    .replace(/[\t\n\r\v\f]+/g, " ")
    .replace(CONTROL_CHARACTER, "");
}

/**
 * Markdown (CommonMark/GFM) inline text: backslash-escape only the characters that would change the
 * structure, so a reader sees the text exactly as typed. Never HTML entities.
 */
export function escapeMarkdown(text: string): string {
  return (
    sanitizeTerminal(text)
      .replace(/[\\`*[\]<>|~]/g, "\\$&")
      .replace(/(?<![a-zA-Z0-9])_|_(?![a-zA-Z0-9])/g, "\\_")
      .replace(/&(?=#?[a-zA-Z0-9]+;)/g, "\\&")
      .replace(/^(\s*)([#+=-])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2")
      // A heading's closing #s would be dropped.
      .replace(/(\s)#(#*\s*)$/, "$1\\#$2")
  );
}

/** Reverses escapeMarkdown: the text a Markdown reader sees (used where the text sits in a code span). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/**
 * CSV field (RFC 4180): always quoted, quotes doubled; a leading = + - @ is prefixed with ' so a spreadsheet
 * does not run it as a formula.
 */
export function escapeCsvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Escapes every string inside a JSON-like value; numbers, booleans and null pass unchanged. */
export function escapeDeep(value: unknown, escape: (text: string) => string): unknown {
  if (typeof value === "string") return escape(value);
  if (Array.isArray(value)) return value.map((item) => escapeDeep(item, escape));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeDeep(item, escape)]));
  }
  return value;
}

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \) and two-byte ESC sequences.
const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\x00-\x1f\x7f-\x9f]/g;

const ESCAPERS: Record<Target, (text: string) => string> = {
  text: sanitizeTerminal,
  markdown: escapeMarkdown,
  slack: (text) => escapeMrkdwn(sanitizeSlack(text)),
  csv: (text) => escapeCsvField(sanitizeTerminal(text)),
};

/** Slack text keeps its line breaks; other control characters go. */
function sanitizeSlack(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(ANSI_SEQUENCE, "").replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, "");
}
