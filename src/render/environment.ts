import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { escapeDeep, escapeFor, unescapeMarkdown, type Target } from "./escape.js";
import { projectRoot } from "../paths.js";

/**
 * Renders templates/<name>.hbs for one output. Every string in the context is escaped for the target
 * before rendering, so a template cannot forget to; templates compile with noEscape (never HTML escaping).
 */
export function renderTemplate(name: string, context: object, target: Target): string {
  const template = compiled(name);
  return template(escapeDeep(context, escapeFor(target)), { data: { target } });
}

let environment: typeof Handlebars | undefined;
const cache = new Map<string, Handlebars.TemplateDelegate>();

function compiled(name: string): Handlebars.TemplateDelegate {
  let template = cache.get(name);
  if (template === undefined) {
    const source = readFileSync(join(projectRoot(), "templates", `${name}.hbs`), "utf8");
    // strict: a missing field throws instead of printing nothing, so a typo cannot hide in an answer.
    environment ??= createEnvironment();
    template = environment.compile(source, { noEscape: true, strict: true });
    cache.set(name, template);
  }
  return template;
}

function createEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper);
  const partialsDir = join(projectRoot(), "templates", "partials");
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith(".hbs"))) {
    env.registerPartial(basename(file, ".hbs"), readFileSync(join(partialsDir, file), "utf8"));
  }
  return env;
}

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** $2,055.30: how every output writes an amount (also for table cells built outside a template). */
export function formatUsd(amount: number): string {
  return dollars.format(amount);
}
const unitPrice = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});
const quantity = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Handlebars passes its options object last; the helpers below only look at the arguments before it. */
const helpers: Record<string, (...args: unknown[]) => unknown> = {
  /** $2,055.30 */
  money: (amount) => dollars.format(asNumber(amount, "money")),
  /** $0.006: unit prices keep their significant decimals. */
  price: (amount) => unitPrice.format(asNumber(amount, "price")),
  /** 204,800 */
  number: (value) => quantity.format(asNumber(value, "number")),
  join: (list, separator) =>
    Array.isArray(list) ? list.join(typeof separator === "string" ? separator : ", ") : "",
  eq: (a, b) => a === b,
  /** True when the number is below zero (a cost that goes down). */
  negative: (value) => asNumber(value, "negative") < 0,
  abs: (value) => Math.abs(asNumber(value, "abs")),
  /** Pads text to a column width for aligned terminal lists. */
  pad: (text, width) => String(text).padEnd(asNumber(width, "pad")),
  add: (a, b) => asNumber(a, "add") + asNumber(b, "add"),
  /**
   * {{clip value 60}}: what a person typed, quoted back in at most that many characters, so an oversized input
   * is never echoed whole. The text arrives escaped: the cut backs off an entity it would split.
   */
  clip: (text, max) => {
    const characters = [...String(text)];
    const limit = asNumber(max, "clip");
    if (characters.length <= limit) return String(text);
    return (
      characters
        .slice(0, limit)
        .join("")
        .replace(/&[#\w]*$/, "") + "…"
    );
  },
  /** {{plural count "endpoint" "endpoints"}} */
  plural: (count, singular, pluralForm) => (count === 1 ? singular : pluralForm),
  /** Inline code for the target; Markdown's context arrives escaped, so the span gets the text as written. */
  code: (text, options) => {
    const plain = String(text);
    switch (targetOf(options)) {
      case "markdown":
        return codeSpan(unescapeMarkdown(plain));
      case "slack":
        return plain.includes("`") ? plain : `\`${plain}\``;
      default:
        return plain;
    }
  },
  /**
   * A page's link: Markdown [title](url); Slack <url|title> (the host when there is no title), so a long
   * address does not fill a phone's lines; the terminal "title, url", which it links itself.
   */
  link: (title, url, options) => {
    const href = String(url);
    const text = typeof title === "string" && title !== "" ? title : null;
    if (targetOf(options) === "markdown") return `[${text ?? href}](${href})`;
    if (targetOf(options) === "slack")
      return `<${href}|${text ?? new URL(href.replace(/&amp;/g, "&")).hostname}>`;
    return text === null ? href : `${text}, ${href}`;
  },
  /** {{#codeBlock "sh"}}…{{/codeBlock}}: a fenced block in Markdown and Slack, plain lines in the terminal. */
  codeBlock: function (this: unknown, language, options) {
    const inner = (options as Handlebars.HelperOptions).fn(this);
    switch (targetOf(options)) {
      case "markdown":
        return fenced(unescapeMarkdown(inner), String(language));
      case "slack":
        return fenced(inner, "");
      default:
        return inner;
    }
  },
};

function asNumber(value: unknown, helper: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`template helper ${helper} needs a number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function targetOf(options: unknown): Target {
  return (options as { data: { target: Target } }).data.target;
}

function fenced(text: string, language: string): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text}${text.endsWith("\n") ? "" : "\n"}${fence}\n`;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/** Backtick fence one longer than the longest run inside, padded when the text touches a backtick. */
function codeSpan(text: string): string {
  const fence = "`".repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
