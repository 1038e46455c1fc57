import { Command, CommanderError } from "commander";
import { loadKnowledge, type Knowledge } from "../knowledge/index.js";
import { registerAdvise } from "./commands/advise.js";
import { registerExport } from "./commands/export.js";
import { registerHistory } from "./commands/history.js";
import { registerRecheck } from "./commands/recheck.js";
import { registerShow } from "./commands/show.js";
import { registerServices } from "./commands/services.js";
import { registerTree } from "./commands/tree.js";
import { InputError } from "./errors.js";
import { addHistoryOptions } from "./history.js";
import { say } from "./words.js";

/** What the commands read from and write to; tests and the bin pass the process's own. */
export interface CliContext {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The knowledge, loaded on first use so `--help` works without it. */
  knowledge(): Knowledge;
}

/** Runs the command line and returns the exit code: 0 done, 2 input a person can fix, 1 anything else. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  try {
    await buildProgram(context).parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error, context);
  }
}

/** The program with every command registered: one line per command. */
export function buildProgram(context: CliContext): Command {
  const program = new Command("endpoint-advice")
    .description(say("program"))
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    });
  registerAdvise(program, context);
  registerServices(program, context);
  registerTree(program, context);
  addHistoryOptions(program);
  registerHistory(program, context);
  registerShow(program, context);
  registerExport(program, context);
  registerRecheck(program, context);
  return program;
}

/** The context of a real run: the process's streams and the shipped knowledge. */
export function processContext(): CliContext {
  let knowledge: Knowledge | undefined;
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    knowledge: () => (knowledge ??= loadKnowledge()),
  };
}

function report(error: unknown, context: CliContext): number {
  // Commander has already printed its own message (unknown option, bad choice, missing argument).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof InputError) {
    context.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  // Ctrl+C in a prompt (@inquirer/prompts' ExitPromptError, matched by name: it is not our dependency).
  if (error instanceof Error && error.name === "ExitPromptError") {
    context.stderr.write(`${say("cancelled")}\n`);
    return 130;
  }
  context.stderr.write(
    `${say("unexpected", { reason: error instanceof Error ? error.message : String(error) })}\n`,
  );
  return 1;
}
