import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { parse } from "yaml";
import { z } from "zod";

// TEMPORARY rendering until src/render (renderTemplate, escapeMrkdwn) lands.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function root(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}
const hb = Handlebars.create();
hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeMrkdwn(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  return value;
}
function renderTemplate(name: string, context: object): string {
  const source = readFileSync(join(root(), "templates", `${name}.hbs`), "utf8");
  return hb.compile(source, { noEscape: true })(escapeDeep(context)).trim();
}

/** Renders templates/slack-NAME.hbs as Slack mrkdwn; user text in `context` is escaped so it cannot ping or link. */
export function say(name: string, context: object = {}): string {
  return renderTemplate(`slack-${name}`, context);
}

const LABEL_KEYS = [
  "modalTitle",
  "next",
  "submit",
  "cancel",
  "back",
  "close",
  "yes",
  "no",
  "accept",
  "reject",
  "rerun",
  "exportAdr",
  "showAll",
  "nextPage",
  "newQuestionnaire",
  "homeHeader",
  "allStatuses",
  "allOptions",
  "filterStatus",
  "filterOption",
  "choose",
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

const LabelsSchema = z.strictObject(
  Object.fromEntries(LABEL_KEYS.map((key) => [key, z.string().min(1).max(24)])) as Record<
    LabelKey,
    z.ZodString
  >,
);

let labels: Record<LabelKey, string> | undefined;

/** A short plain-text label (button, modal title…) from templates/slack-labels.hbs. */
export function label(key: LabelKey): string {
  labels ??= LabelsSchema.parse(parse(renderTemplate("slack-labels", {}))) as Record<LabelKey, string>;
  return labels[key];
}
