import type { Advice, TraceStep } from "../advice/advice.js";
import type { SourceRef } from "../knowledge/schemas.js";

/** A source as the templates show it: a page's link, with its title when known. */
export interface ShownSource {
  title: string | null;
  url: string;
}

/**
 * The advice with every source as a page a reader can open, or null where a source is no such page (a
 * source document's file name, in decisions saved before the sources had titles): that one is not shown.
 * Fields that older decisions lack are filled in, so the strict templates can test them.
 */
export function withShownSources(advice: Advice): object {
  return {
    ...advice,
    recommendation: { ...advice.recommendation, sources: advice.recommendation.sources.map(shownSource) },
    alternatives: advice.alternatives.map((a) => ({ ...a, sources: a.sources.map(shownSource) })),
    caveatSources: advice.caveatSources.map(shownSource),
    trace: advice.trace.map((step) => ({ ...step, source: shownSource(traceSourceRef(step)) })),
    cost: { ...advice.cost, dataSplit: advice.cost.dataSplit ?? null },
  };
}

export function shownSource(source: SourceRef): ShownSource | null {
  if (typeof source !== "string") return { title: source.title, url: source.url };
  return /^https:\/\/\S+$/.test(source) ? { title: null, url: source } : null;
}

function traceSourceRef(step: TraceStep): SourceRef {
  return step.sourceTitle === undefined ? step.source : { title: step.sourceTitle, url: step.source };
}
