import { Option, type Command } from "commander";
import { renderDecision } from "../../render/index.js";
import { requireDecision, withHistory, writeLine } from "../history.js";
import { sayHistory } from "../words.js";
import type { CliContext } from "../program.js";

interface ShowOptions {
  format: "text" | "markdown" | "json";
  json?: boolean;
}

/** `show ID`: one decision with its status history, for people (text, Markdown record) or scripts (JSON). */
export function registerShow(program: Command, context: CliContext): void {
  program
    .command("show")
    .description(sayHistory("show"))
    .argument("<id>", sayHistory("show-id"))
    .addOption(
      new Option("--format <format>", sayHistory("show-format-option"))
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .option("--json", sayHistory("json-option"))
    .action((id: string, options: ShowOptions, command: Command) =>
      withHistory(command, async (store, workspace) => {
        const decision = await requireDecision(store, workspace, id);
        const history = await store.history(workspace, decision.id);
        const format = options.json ? "json" : options.format;
        writeLine(
          context.stdout,
          format === "json"
            ? JSON.stringify({ ...decision, history }, null, 2)
            : renderDecision(decision, history, format, context.knowledge()),
        );
      }),
    );
}
