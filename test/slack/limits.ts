/**
 * Slack's Block Kit limits (the project's Slack notes) checked on a payload the app sent, plus what a reader
 * must never see: HTML entities other than Slack's three, "undefined", "[object Object]", "NaN".
 */
export function violations(method: string, body: Record<string, unknown>): string[] {
  const found: string[] = [];
  const where = (what: string) => found.push(`${method}: ${what}`);
  if (isRecord(body.view)) checkView(body.view, where);
  if (Array.isArray(body.blocks)) {
    checkBlocks(body.blocks, MESSAGE_BLOCKS, where);
    // Notifications and screen readers read the top-level text: a message with blocks needs a real one.
    if (typeof body.text !== "string" || body.text.trim().length < 10) where("blocks without a summary text");
  }
  if (typeof body.text === "string") {
    if (body.text.length > 40_000) where("text longer than 40,000 characters");
    checkWords(body.text, where);
  }
  return found;
}

/** The same checks for a view returned in an ack (`response_action: push/update`). */
export function ackViolations(text: string): string[] {
  if (text === "") return [];
  const body = JSON.parse(text) as Record<string, unknown>;
  return violations("ack", body);
}

type Report = (what: string) => void;
const MESSAGE_BLOCKS = 50;
const VIEW_BLOCKS = 100;

function checkView(view: Record<string, unknown>, where: Report): void {
  for (const key of ["title", "submit", "close"]) {
    const text = textOf(view[key]);
    if (text !== undefined && text.length > 24) where(`view ${key} "${text}" longer than 24`);
  }
  if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000)
    where("private_metadata longer than 3,000");
  if (typeof view.callback_id === "string" && view.callback_id.length > 255)
    where("callback_id longer than 255");
  checkBlocks(Array.isArray(view.blocks) ? view.blocks : [], VIEW_BLOCKS, where);
}

function checkBlocks(blocks: unknown[], max: number, where: Report): void {
  if (blocks.length > max) where(`${blocks.length} blocks, more than ${max}`);
  // One table per message, and at most 12,000 characters of markdown blocks in all.
  const records = blocks.filter(isRecord);
  if (records.filter((block) => block.type === "table").length > 1) where("more than one table block");
  const markdown = records
    .filter((b) => b.type === "markdown")
    .reduce((n, b) => n + String(b.text).length, 0);
  if (markdown > 12_000) where("markdown blocks together over 12,000 characters");
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  for (const block of blocks.filter(isRecord)) {
    unique(block.block_id, blockIds, "block_id", where);
    checkBlock(block, where);
    for (const element of elementsOf(block)) unique(element.action_id, actionIds, "action_id", where);
  }
  walk(blocks, where);
}

function checkBlock(block: Record<string, unknown>, where: Report): void {
  const type = String(block.type);
  const text = textOf(block.text);
  if (type === "section") {
    if (text !== undefined && text.length > 3000) where(`section text of ${text.length} characters`);
    const fields = Array.isArray(block.fields) ? block.fields : [];
    if (fields.length > 10) where("more than 10 section fields");
    for (const field of fields) if ((textOf(field) ?? "").length > 2000) where("section field over 2,000");
  }
  if (type === "header" && (text ?? "").length > 150) where("header text over 150");
  if (type === "input") {
    if ((textOf(block.label) ?? "").length > 2000) where("input label over 2,000");
    if ((textOf(block.hint) ?? "").length > 2000) where("input hint over 2,000");
  } else if ("dispatch_action" in block) where(`dispatch_action on a ${type} block`);
  if (type === "context" && elementsOf(block).length > 10) where("context with more than 10 elements");
  if (type === "actions" && elementsOf(block).length > 25) where("actions with more than 25 elements");
  if (type === "markdown" && typeof block.text === "string" && block.text.length > 12_000)
    where("markdown block over 12,000 characters");
  if (type === "table") {
    const rows = Array.isArray(block.rows) ? block.rows : [];
    if (rows.length > 100) where("table with more than 100 rows");
    for (const row of rows) {
      if (!Array.isArray(row) || row.length > 20) where("table row with more than 20 cells");
      else
        for (const cell of row.filter(isRecord))
          if (cell.type === "raw_text" && (typeof cell.text !== "string" || cell.text === ""))
            where("empty raw_text table cell");
    }
  }
}

function walk(value: unknown, where: Report): void {
  if (Array.isArray(value)) return value.forEach((item) => walk(item, where));
  if (!isRecord(value)) return;
  if (value.type === "button") {
    if ((textOf(value.text) ?? "").length > 75) where(`button text "${textOf(value.text)}" over 75`);
    if (typeof value.value === "string" && value.value.length > 2000) where("button value over 2,000");
    if (typeof value.accessibility_label === "string" && value.accessibility_label.length > 75)
      where("button accessibility_label over 75");
    if (isRecord(value.confirm)) {
      const { title, text, confirm, deny } = value.confirm;
      if ((textOf(title) ?? "").length > 100) where("confirm title over 100");
      if ((textOf(text) ?? "").length > 300) where("confirm text over 300");
      for (const button of [confirm, deny])
        if ((textOf(button) ?? "").length > 30) where("confirm button over 30");
    }
  }
  if ((textOf(value.placeholder) ?? "").length > 150) where("placeholder over 150");
  if (Array.isArray(value.options)) {
    if (value.type === "static_select" && value.options.length > 100)
      where("select with more than 100 options");
    if ((value.type === "radio_buttons" || value.type === "checkboxes") && value.options.length > 10)
      where(`${String(value.type)} with more than 10 options`);
    for (const option of value.options.filter(isRecord)) {
      if ((textOf(option.text) ?? "").length > 75) where(`option text "${textOf(option.text)}" over 75`);
      if (typeof option.value === "string" && option.value.length > 150) where("option value over 150");
    }
  }
  if (typeof value.max_length === "number" && value.max_length > 3000) where("max_length over 3,000");
  for (const id of ["block_id", "action_id"])
    if (typeof value[id] === "string" && value[id].length > 255) where(`${id} over 255`);
  if ((value.type === "plain_text" || value.type === "mrkdwn") && typeof value.text === "string")
    checkWords(value.text, where);
  for (const item of Object.values(value)) walk(item, where);
}

function checkWords(text: string, where: Report): void {
  // "&amp;lt;" and the like mean text was escaped twice.
  for (const bad of [
    "&#x27;",
    "&#39;",
    "&quot;",
    "&amp;lt;",
    "&amp;gt;",
    "&amp;amp;",
    "undefined",
    "[object Object]",
    "NaN",
  ])
    if (text.includes(bad)) where(`text shows "${bad}": ${text.slice(0, 120)}`);
}

function unique(id: unknown, seen: Set<string>, what: string, where: Report): void {
  if (typeof id !== "string") return;
  if (seen.has(id)) where(`duplicate ${what} "${id}"`);
  seen.add(id);
}

function elementsOf(block: Record<string, unknown>): Record<string, unknown>[] {
  const elements = Array.isArray(block.elements) ? block.elements.filter(isRecord) : [];
  return isRecord(block.element) ? [...elements, block.element] : elements;
}

function textOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.text === "string" ? value.text : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
