import { Option, type Command } from "commander";
import { exportDecisions, renderDecision, type DecisionExportFormat } from "../../render/index.js";
import { requireDecision, withHistory } from "../history.js";
import { sayHistory } from "../words.js";
import type { CliContext } from "../program.js";

/**
 * `export [ID] --format markdown|json|csv`: the whole history of the workspace (streamed, oldest first),
 * or one decision — in Markdown, its architecture decision record.
 */
export function registerExport(program: Command, context: CliContext): void {
  program
    .command("export")
    .description(sayHistory("export"))
    .argument("[id]", sayHistory("export-id"))
    .addOption(
      new Option("--format <format>", sayHistory("export-format-option"))
        .choices(["markdown", "json", "csv"])
        .default("markdown"),
    )
    .action((id: string | undefined, options: { format: DecisionExportFormat }, command: Command) =>
      withHistory(command, async (store, workspace) => {
        const one = id === undefined ? undefined : await requireDecision(store, workspace, id);
        const historyOf = (decision: { id: string }) => store.history(workspace, decision.id);
        if (one !== undefined && options.format === "markdown") {
          context.stdout.write(renderDecision(one, await historyOf(one), "markdown", context.knowledge()));
          return;
        }
        const decisions = one === undefined ? store.allDecisions(workspace) : [one];
        for await (const chunk of exportDecisions(decisions, historyOf, options.format, context.knowledge()))
          context.stdout.write(chunk);
      }),
    );
}
