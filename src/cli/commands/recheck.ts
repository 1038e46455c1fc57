import type { Command } from "commander";
import { recheck } from "../../advice/recheck.js";
import { renderRecheck } from "../../render/index.js";
import { withHistory, writeLine } from "../history.js";
import { sayHistory } from "../words.js";
import type { CliContext } from "../program.js";

/** `recheck`: which of the workspace's decisions today's tree and prices would answer differently. */
export function registerRecheck(program: Command, context: CliContext): void {
  program
    .command("recheck")
    .description(sayHistory("recheck"))
    .option("--json", sayHistory("json-option"))
    .action((options: { json?: boolean }, command: Command) =>
      withHistory(command, async (store, workspace) => {
        const report = await recheck(store.allDecisions(workspace), context.knowledge());
        writeLine(context.stdout, options.json ? JSON.stringify(report, null, 2) : renderRecheck(report));
      }),
    );
}
