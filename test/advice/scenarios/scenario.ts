import type { Source } from "../../../src/knowledge/schemas.js";

/**
 * One question an engineer would ask, the requirements they would answer it with, and what the vendor's
 * documentation says the answer must be. Expectations come from the page cited, not from the code.
 */
export interface Scenario {
  /** The question in the engineer's words. */
  question: string;
  /** The questionnaire's answers, as a person or script would write them (defaults left out). */
  requirements: Record<string, unknown>;
  expect: Expected | Refused;
  /** The documentation page that supports the expectation. */
  doc: Source;
}

/** The answer the documentation supports. */
export interface Expected {
  option: string;
  /** Whether the recommended option meets every requirement (false: nothing fits, and the answer says so). */
  fits: boolean;
  /** Monthly cost of the recommendation in USD, to the cent. */
  monthlyCostUsd: number;
  /** Where a budget is set: whether the recommendation stays within it (null: unknown, a charge is unpriced). */
  withinBudget?: boolean | null;
  /** Alternatives whose verdict the page settles: option id → fits. */
  alternatives?: Record<string, boolean>;
  /** What the engineer must be told: each pattern must match the reasons, caveats or next steps. */
  says?: RegExp[];
}

/** Requirements the answer must refuse, with a message naming the field. */
export interface Refused {
  refused: { field: string; says: RegExp };
}
