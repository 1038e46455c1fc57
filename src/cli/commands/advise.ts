import { readFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { advise, parseRequirements } from "../../advice/index.js";
import { explainFieldErrors, renderAdvice } from "../../render/index.js";
import { InputError } from "../errors.js";
import { saveAdvice, writeLine } from "../history.js";
import type { CliContext } from "../program.js";
import { askQuestions } from "../prompt.js";
import { say, sayHistory } from "../words.js";

interface AdviseOptions {
  answers?: string;
  json?: boolean;
  format: "text" | "markdown";
  save?: boolean;
}

/** `advise`: answers in (questions in a terminal, or --answers FILE|-), advice out. */
export function registerAdvise(program: Command, context: CliContext): void {
  program
    .command("advise")
    .description(say("advise"))
    .option("--answers <file>", say("advise-answers"))
    .option("--json", say("advise-json"))
    .option("--save", sayHistory("save-option"))
    .addOption(
      new Option("--format <format>", say("advise-format")).choices(["text", "markdown"]).default("text"),
    )
    .action(async (options: AdviseOptions, command: Command) => {
      const knowledge = context.knowledge();
      const input =
        options.answers === undefined
          ? await askInTerminal(context)
          : await readAnswers(options.answers, context);
      const parsed = parseRequirements(input.answers, knowledge);
      if (!parsed.ok)
        throw new InputError(
          say("invalid-answers", { source: input.source, errors: explainFieldErrors(parsed.errors) }),
        );
      const advice = advise(parsed.value, knowledge);
      const output = options.json
        ? JSON.stringify(advice, null, 2)
        : renderAdvice(advice, parsed.value, options.format, knowledge);
      context.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
      if (options.save) writeLine(context.stderr, await saveAdvice(command, parsed.value, knowledge));
    });
}

interface RawAnswers {
  answers: unknown;
  /** Where they came from, for messages: a file name, stdin or the questionnaire. */
  source: string;
}

async function askInTerminal(context: CliContext): Promise<RawAnswers> {
  if (!context.stdin.isTTY) throw new InputError(say("no-terminal"));
  return {
    answers: await askQuestions(context.knowledge(), context.stderr),
    source: say("questionnaire-source"),
  };
}

async function readAnswers(path: string, context: CliContext): Promise<RawAnswers> {
  const source = path === "-" ? say("stdin-source") : path;
  let text: string;
  try {
    text = path === "-" ? await readStream(context.stdin) : await readFile(path, "utf8");
  } catch (error) {
    throw new InputError(say("unreadable-answers", { path: source, reason: (error as Error).message }));
  }
  try {
    return { answers: JSON.parse(text), source };
  } catch (error) {
    throw new InputError(say("bad-json", { source, reason: (error as Error).message }));
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
