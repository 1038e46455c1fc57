import type { OptionId } from "./options.js";

/** One line of a monthly cost calculation: quantity × unit price = usd. */
export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  usd: number;
}

export interface CostBreakdown {
  lines: CostLine[];
  totalUsd: number;
  pricingAsOf: string;
  /** null when the requirements set no budget. */
  withinBudget: boolean | null;
}

/** One step of the decision tree's path: the question asked, the answer taken, the source that justifies it. */
export interface TraceStep {
  question: string;
  answer: string;
  source: string;
}

export interface Recommendation {
  option: OptionId;
  title: string;
  reasons: string[];
  monthlyCostUsd: number;
}

export interface Alternative {
  option: OptionId;
  title: string;
  fits: boolean;
  reasons: string[];
  monthlyCostUsd: number;
  cost: CostBreakdown;
}

export interface KnowledgeVersions {
  tree: string;
  catalog: string;
  pricing: string;
}

/** The advice (DESIGN.md §3): the same object `--json` prints and the templates render. */
export interface Advice {
  recommendation: Recommendation;
  alternatives: Alternative[];
  caveats: string[];
  trace: TraceStep[];
  cost: CostBreakdown;
  nextSteps: string[];
  versions: KnowledgeVersions;
}
