// TEMPORARY: the core API as agreed, until the core branch lands (then imports replace this).
import type { Advice, KnowledgeVersions } from "../advice/advice.js";
import type { Cloud } from "../advice/options.js";
import type { Requirements } from "../advice/requirements.js";
import { RequirementsSchema } from "../advice/requirements.js";
import type { Service, Catalog } from "../knowledge/schemas.js";
import type { Decision, Result } from "../store/index.js";

export interface Knowledge {
  catalog: Catalog;
  versions: KnowledgeVersions;
  findService(id: string): Service | undefined;
  servicesFor(cloud: Cloud): Service[];
}

export function parseRequirements(input: unknown, _k: Knowledge): Result<Requirements> {
  const r = RequirementsSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
}

export function advise(req: Requirements, k: Knowledge): Advice {
  const cost = { lines: [], totalUsd: 0, pricingAsOf: "2026-01-01", withinBudget: null };
  return {
    recommendation: {
      option: "private-endpoint",
      title: "Private Endpoint",
      reasons: ["why"],
      monthlyCostUsd: 7.3,
    },
    alternatives: [
      {
        option: "service-endpoint",
        title: "Service endpoint",
        fits: false,
        reasons: ["no"],
        monthlyCostUsd: 0,
        cost,
      },
    ],
    caveats: [req.title],
    trace: [{ question: "q", answer: "a", source: "s" }],
    cost,
    nextSteps: ["az ..."],
    versions: k.versions,
  };
}

export function renderDecisionMarkdown(d: Decision): string {
  return `# ${d.id} ${d.title}\n\n${d.rendered}`;
}
