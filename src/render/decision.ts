import { answeredQuestions, type QuestionnaireKnowledge } from "../advice/questionnaire.js";
import type { RecheckReport } from "../advice/recheck.js";
import type { Knowledge } from "../knowledge/index.js";
import type { Decision, DecisionPage, StatusChange } from "../store/types.js";
import { renderAdvice } from "./advice.js";
import { renderTemplate } from "./environment.js";
import { withShownSources } from "./sources.js";

export type DecisionFormat = "text" | "markdown";
export type DecisionListFormat = "text" | "markdown" | "csv";
export type DecisionExportFormat = "markdown" | "json" | "csv";

/**
 * One stored decision: for the terminal its status and history above the answer; as Markdown an
 * architecture decision record (context worded with the questionnaire's labels, decision, consequences,
 * options, status history, links).
 */
export function renderDecision(
  decision: Decision,
  history: StatusChange[],
  format: DecisionFormat,
  knowledge: QuestionnaireKnowledge,
  /** A link to the decision's Slack message, where the record is read outside Slack's own copy. */
  permalink: string | null = null,
): string {
  const context = { ...decisionContext(decision, history, knowledge), permalink };
  if (format === "markdown") return renderTemplate("decision.md", context, "markdown");
  return (
    renderTemplate("decision.text", context, "text") +
    renderAdvice(decision.advice, decision.requirements, "text", knowledge)
  );
}

/**
 * One page of a history listing; the text form says how to get the next page. People read names (text,
 * Markdown); CSV keeps the ids, for scripts and spreadsheets that filter on them.
 */
export function renderDecisionList(
  page: DecisionPage,
  format: DecisionListFormat,
  knowledge: NamingKnowledge,
): string {
  const decisions = page.items.map((decision) =>
    format === "csv" ? listRow(decision) : { ...listRow(decision), ...decisionNames(decision, knowledge) },
  );
  const template = LIST_TEMPLATES[format];
  return renderTemplate(template, { decisions, nextCursor: page.nextCursor, header: true }, format);
}

/**
 * The re-check report for the terminal: each drifted decision with what changed, old → new, and why (the
 * step of the tree answered differently, the prices that moved, a retired service and its successor).
 */
export function renderRecheck(report: RecheckReport): string {
  const drifted = report.drifted.map((drift) => ({
    ...drift,
    before: { ...drift.before, versions: { questionnaire: null, ...drift.before.versions } },
    optionChanged: drift.changes.includes("option"),
    costChanged: drift.changes.includes("cost"),
    budgetChanged: drift.changes.includes("budget"),
  }));
  return renderTemplate("decision-recheck.text", { ...report, drifted }, "text");
}

/**
 * The whole history, as chunks to write one after another, so a large history never sits in memory.
 * `historyOf` supplies each decision's status changes (Markdown and JSON include them).
 */
export async function* exportDecisions(
  decisions: AsyncIterable<Decision> | Iterable<Decision>,
  historyOf: (decision: Decision) => Promise<StatusChange[]>,
  format: DecisionExportFormat,
  knowledge: QuestionnaireKnowledge,
): AsyncGenerator<string> {
  if (format === "json") {
    yield* jsonArray(decisions, async (decision) => ({ ...decision, history: await historyOf(decision) }));
    return;
  }
  let header = true;
  for await (const batch of batches(decisions, EXPORT_BATCH)) {
    if (format === "csv") {
      yield renderTemplate("decision-list.csv", { decisions: batch.map(listRow), header }, "csv");
    } else {
      const contexts = [];
      for (const decision of batch)
        contexts.push(decisionContext(decision, await historyOf(decision), knowledge));
      yield renderTemplate("decision-export.md", { decisions: contexts }, "markdown");
    }
    header = false;
  }
}

const EXPORT_BATCH = 200;

const LIST_TEMPLATES: Record<DecisionListFormat, string> = {
  text: "decision-list.text",
  markdown: "decision-list.md",
  csv: "decision-list.csv",
};

/** What the decision templates see: the advice at the top (as the advice partials expect) plus the record. */
function decisionContext(
  decision: Decision,
  history: StatusChange[],
  knowledge: QuestionnaireKnowledge,
): object {
  const { advice, requirements, ...record } = decision;
  return {
    ...withShownSources(advice),
    requirements: { ...requirements, service: requirements.service ?? null },
    answers: answeredQuestions(requirements, knowledge),
    decision: { ...record, date: record.createdAt.slice(0, 10) },
    history,
    permalink: null,
  };
}

/** The columns of a listing: the record without the bulky advice, requirements and rendered answer. */
/** What naming a decision's option and service needs of the knowledge. */
export type NamingKnowledge = Pick<Knowledge, "options" | "findService">;

/** A decision's option and service as people read them ("Azure Private Endpoint", "Azure Blob Storage"). */
export function decisionNames(
  decision: Pick<Decision, "option" | "service">,
  knowledge: NamingKnowledge,
): { option: string; service: string | null } {
  const service = decision.service === null ? undefined : knowledge.findService(decision.service);
  return {
    option: knowledge.options.options[decision.option]?.title ?? decision.option,
    service: decision.service === null ? null : (service?.name ?? decision.service),
  };
}

function listRow(decision: Decision) {
  const { id, workspace, createdAt, author, channel, title, status, option, service, monthlyCostUsd } =
    decision;
  const { supersededBy, supersedes, versions, notes } = decision;
  return {
    ...{ id, workspace, createdAt, author, channel, title, status, option, service, monthlyCostUsd },
    ...{ supersededBy, supersedes, notes, date: createdAt.slice(0, 10) },
    // Decisions saved before the questionnaire was versioned have no questionnaire version: an empty cell.
    versions: { ...versions, questionnaire: versions.questionnaire ?? "" },
  };
}

async function* jsonArray<T>(
  items: AsyncIterable<T> | Iterable<T>,
  toJson: (item: T) => Promise<unknown>,
): AsyncGenerator<string> {
  let separator = "[\n";
  for await (const item of items) {
    yield separator + JSON.stringify(await toJson(item), null, 2);
    separator = ",\n";
  }
  yield separator === "[\n" ? "[]\n" : "\n]\n";
}

async function* batches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
