import { InvalidArgumentError, Option, type Command } from "commander";
import { OPTION_IDS } from "../../vocabulary/index.js";
import { renderDecisionList, type DecisionListFormat } from "../../render/index.js";
import { DECISION_STATUSES, MAX_PAGE_SIZE, type DecisionQuery } from "../../store/index.js";
import { InputError } from "../errors.js";
import { withHistory, writeLine } from "../history.js";
import { sayHistory } from "../words.js";
import type { CliContext } from "../program.js";

/** The filters as commander parses them (the words become `text`), plus how to print. */
type HistoryOptions = Omit<DecisionQuery, "text"> & { format: DecisionListFormat; json?: boolean };

/** `history [words…]`: one page of the workspace's decisions, newest first, searched and filtered. */
export function registerHistory(program: Command, context: CliContext): void {
  program
    .command("history")
    .description(sayHistory("history"))
    .argument("[words...]", sayHistory("history-words"))
    .addOption(new Option("--status <status>", sayHistory("status-option")).choices(DECISION_STATUSES))
    .addOption(new Option("--option <option>", sayHistory("option-option")).choices(OPTION_IDS))
    .option("--service <id>", sayHistory("service-option"))
    .option("--author <name>", sayHistory("author-option"))
    .option("--from <date>", sayHistory("from-option"))
    .option("--to <date>", sayHistory("to-option"))
    .option("--limit <n>", sayHistory("limit-option"), pageSize, 20)
    .option("--cursor <cursor>", sayHistory("cursor-option"))
    .addOption(
      new Option("--format <format>", sayHistory("list-format-option"))
        .choices(["text", "markdown", "csv"])
        .default("text"),
    )
    .option("--json", sayHistory("json-option"))
    .action((words: string[], options: HistoryOptions, command: Command) =>
      withHistory(command, async (store, workspace) => {
        const { format, json, ...filters } = options;
        const listed = await store.listDecisions(workspace, { ...filters, text: words.join(" ") });
        if (!listed.ok) throw new InputError(sayHistory("bad-filter", { errors: listed.errors }));
        const page = listed.value;
        writeLine(
          context.stdout,
          json ? JSON.stringify(page, null, 2) : renderDecisionList(page, format, context.knowledge()),
        );
      }),
    );
}

function pageSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError(sayHistory("bad-limit"));
  }
  return size;
}
