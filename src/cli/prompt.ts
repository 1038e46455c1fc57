import { styleText } from "node:util";
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import {
  nextQuestion,
  STEPS,
  type Answers,
  type Question,
  type QuestionnaireKnowledge,
} from "../advice/questionnaire.js";
import { readAmount, RequirementsSchema } from "../vocabulary/index.js";
import { say } from "./words.js";

/**
 * Asks the questionnaire in the terminal, one question at a time, re-reading which questions matter after
 * every answer (e.g. no service question once the target is a virtual network). Questions go to `output`
 * (stderr), so the advice on stdout can be redirected to a file.
 */
export async function askQuestions(
  knowledge: QuestionnaireKnowledge,
  output: NodeJS.WritableStream,
): Promise<Answers> {
  const answers: Record<string, unknown> = {};
  for (const step of STEPS) {
    output.write(`${styleText("bold", say("step", { step }))}\n`);
    for (;;) {
      const next = nextQuestion(step, answers, knowledge);
      if (next === undefined) break;
      output.write(`${styleText("dim", next.hint)}\n`);
      answers[next.field] = await ask(next, { output });
    }
  }
  return answers;
}

type PromptContext = { output: NodeJS.WritableStream };

async function ask(question: Question, context: PromptContext): Promise<unknown> {
  const message = question.label;
  switch (question.kind) {
    case "choice":
      return select(
        {
          message,
          choices: question.choices.map((c) => ({ value: c.value, name: c.label })),
          default: typeof question.default === "string" ? question.default : undefined,
        },
        context,
      );
    case "multi-choice": {
      const chosen = Array.isArray(question.default) ? (question.default as string[]) : [];
      return checkbox(
        {
          message,
          choices: question.choices.map((c) => ({
            value: c.value,
            name: c.label,
            checked: chosen.includes(c.value),
          })),
          validate: (values) =>
            check(
              question,
              values.map((v) => v.value),
            ),
        },
        context,
      );
    }
    case "boolean":
      return confirm({ message, default: question.default === true }, context);
    case "number": {
      // Read as people write amounts ("$50" is a budget of 50); an optional question may be left empty.
      const read = (text: string) => (text.trim() === "" ? null : (readAmount(text) ?? Number.NaN));
      const answer = await input(
        {
          message,
          default: typeof question.default === "number" ? String(question.default) : "",
          required: !question.optional,
          validate: (text) => (Number.isNaN(read(text)) ? say("not-a-number") : check(question, read(text))),
        },
        context,
      );
      return read(answer);
    }
    case "text":
      return input({ message, validate: (value) => check(question, value) }, context);
  }
}

/** The Requirements schema judges each answer as it is given, so a person fixes it right there. */
function check(question: Question, value: unknown): true | string {
  const result = RequirementsSchema.shape[question.field].safeParse(value);
  return result.success ? true : result.error.issues.map((issue) => issue.message).join("; ");
}
