import { renderTemplate } from "../render/index.js";

/** One of the command line's sentences from templates/cli.hbs, filled in with `context`. */
export function say(message: string, context: Record<string, unknown> = {}): string {
  return renderTemplate("cli", { ...context, message }, "text").trim();
}
