import type { Advice } from "../advice/advice.js";
import type { QuestionnaireKnowledge } from "../advice/questionnaire.js";

/** One change that flips the recommendation, in the questionnaire's words instead of field names and ids. */
export interface ChangeInWords {
  question: string;
  from: string;
  to: string;
  option: string;
  monthlyCostDeltaUsd: number;
}

/**
 * The advice's `whatWouldChange` as a person reads it: the question as the questionnaire asks it, the answers
 * as its choices name them (Yes/No for a yes-or-no question) and the option by its title.
 */
export function changesInWords(advice: Advice, knowledge: QuestionnaireKnowledge): ChangeInWords[] {
  const titles = new Map(
    [advice.recommendation, ...advice.alternatives].map((verdict) => [verdict.option, verdict.title]),
  );
  return (advice.whatWouldChange ?? []).map((change) => {
    const question = knowledge.questionnaire.questions.find((q) => q.field === change.field);
    const answer = (value: unknown): string => {
      if (typeof value === "boolean") return value ? "Yes" : "No";
      const choice =
        question?.kind === "choice" ? question.choices.find((c) => c.value === value) : undefined;
      return choice?.label ?? String(value);
    };
    return {
      question: question?.label ?? change.field,
      from: answer(change.from),
      to: answer(change.to),
      option: titles.get(change.option) ?? change.option,
      monthlyCostDeltaUsd: change.monthlyCostDeltaUsd,
    };
  });
}
