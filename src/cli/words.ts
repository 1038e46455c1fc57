import { renderTemplate } from "../render/index.js";

type Say = (message: string, context?: Record<string, unknown>) => string;

/** One of the command line's sentences from templates/cli.hbs, filled in with `context`. */
export const say = sentencesFrom("cli");

/** One of the history commands' sentences from templates/history-cli.hbs. */
export const sayHistory = sentencesFrom("history-cli");

// Each template holds one inline partial per message; `message` picks which one is rendered.
function sentencesFrom(template: string): Say {
  return (message, context = {}) => renderTemplate(template, { ...context, message }, "text").trim();
}
