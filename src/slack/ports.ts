// TEMPORARY: the core, render and store APIs as agreed, until those branches land (then imports replace this).
import type { Advice, KnowledgeVersions } from "../advice/advice.js";
import type { Cloud, OptionId } from "../advice/options.js";
import type { Requirements } from "../advice/requirements.js";
import { RequirementsSchema } from "../advice/requirements.js";
import type { Service, Catalog } from "../knowledge/schemas.js";

export interface FieldError {
  field: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

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

export function renderAdviceSections(
  advice: Advice,
  req: Requirements,
): { fallbackText: string; sections: string[] } {
  return { fallbackText: `${advice.recommendation.title}`, sections: [`*${req.title}*`, "why", "cost"] };
}

export type Status = "proposed" | "accepted" | "rejected" | "superseded";
export interface NewDecision {
  workspace: string;
  channel: string | null;
  author: string;
  title: string;
  requirements: Requirements;
  advice: Advice;
  rendered: string;
  dedupeKey: string;
}
export interface Decision {
  id: string;
  workspace: string;
  channel: string | null;
  author: string;
  createdAt: string;
  title: string;
  requirements: Requirements;
  advice: Advice;
  option: OptionId;
  service: string | null;
  rendered: string;
  versions: KnowledgeVersions;
  status: Status;
  supersededBy: string | null;
  notes: string;
  messageTs?: string | null;
}
export interface DecisionQuery {
  text?: string;
  status?: Status;
  option?: OptionId;
  limit?: number;
  cursor?: string;
}
export interface DecisionStore {
  saveDecision(d: NewDecision): { decision: Decision; created: boolean };
  getDecision(workspace: string, id: string): Decision | undefined;
  listDecisions(workspace: string, q: DecisionQuery): { items: Decision[]; nextCursor: string | null };
  changeStatus(
    workspace: string,
    id: string,
    change: { status: "accepted" | "rejected" | "superseded"; actor: string; actorIsAdmin: boolean },
  ): Result<Decision>;
  setMessageRef(workspace: string, id: string, channel: string, ts: string): void;
  stats(workspace: string): {
    perOption: { option: OptionId; count: number }[];
    acceptedMonthlyCostUsd: number;
  };
  close(): void;
}

export interface Question {
  field: string;
  label: string;
  hint?: string;
  kind: "choice" | "boolean" | "number" | "text" | "multi-choice";
  choices?: { value: string; label: string }[];
  step: 1 | 2;
}
export function questionsFor(step: 1 | 2, answers: Record<string, unknown>, k: Knowledge): Question[] {
  const cloud = (answers.cloud as Cloud | undefined) ?? "azure";
  if (step === 1)
    return [
      {
        field: "cloud",
        label: "Cloud",
        kind: "choice",
        step,
        choices: [
          { value: "azure", label: "Azure" },
          { value: "aws", label: "AWS" },
          { value: "gcp", label: "GCP" },
        ],
      },
      {
        field: "target",
        label: "Target",
        kind: "choice",
        step,
        choices: [
          { value: "cloud-service", label: "A cloud service" },
          { value: "virtual-network", label: "A VNet" },
        ],
      },
      ...(answers.target === "virtual-network"
        ? []
        : [
            {
              field: "service",
              label: "Service",
              kind: "choice" as const,
              step,
              choices: k.servicesFor(cloud).map((s) => ({ value: s.id, label: s.name })),
            },
          ]),
      { field: "title", label: "Title", kind: "text", step, hint: "What is it about" },
    ];
  return [
    {
      field: "onPremisesAccess",
      label: "On-prem?",
      kind: "boolean",
      step,
      hint: "reach from the data centre",
    },
    {
      field: "protocols",
      label: "Protocols",
      kind: "multi-choice",
      step,
      choices: [
        { value: "tcp", label: "TCP" },
        { value: "udp", label: "UDP" },
        { value: "icmp", label: "ICMP" },
      ],
    },
    { field: "monthlyBudgetUsd", label: "Budget", kind: "number", step },
    { field: "dataGbPerMonth", label: "GB", kind: "number", step },
  ];
}

export function renderDecisionMarkdown(d: Decision): string {
  return `# ${d.id} ${d.title}\n\n${d.rendered}`;
}
