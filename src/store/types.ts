import type { Advice } from "../advice/advice.js";
import type { KnowledgeVersions, OptionId, Requirements } from "../vocabulary/index.js";
import type { Result } from "../advice/parse.js";
import type { DecisionId } from "./decision-id.js";

export type { DecisionId } from "./decision-id.js";

export const DECISION_STATUSES = ["proposed", "accepted", "rejected", "superseded"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

// The same field-error shape as the advice core, so surfaces show both alike (types only: no SQL there).
export type { FieldError, Result } from "../advice/parse.js";

/** What a surface hands the store after advising; `dedupeKey` makes a retried submission a no-op. */
export interface NewDecision {
  workspace: string;
  channel: string | null;
  author: string;
  title: string;
  requirements: Requirements;
  advice: Advice;
  rendered: string;
  dedupeKey: string;
  /** A re-run: the decision this one replaces once it is accepted (stored as `supersedes`). */
  supersedes?: DecisionId;
}

/** A stored decision. */
export interface Decision {
  id: DecisionId;
  workspace: string;
  channel: string | null;
  author: string;
  createdAt: string;
  title: string;
  requirements: Requirements;
  advice: Advice;
  option: OptionId;
  service: string | null;
  monthlyCostUsd: number;
  rendered: string;
  versions: KnowledgeVersions;
  status: DecisionStatus;
  supersededBy: DecisionId | null;
  /** The decision this one replaced, or (while it is proposed) replaces once accepted. */
  supersedes: DecisionId | null;
  notes: string;
  messageChannel: string | null;
  messageTs: string | null;
}

/** Filters for listing; every one is optional. `from`/`to` are ISO dates or times, both inclusive. */
export interface DecisionQuery {
  text?: string;
  status?: DecisionStatus;
  option?: OptionId;
  service?: string;
  author?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface DecisionPage {
  items: Decision[];
  /** Pass back as `cursor` for the next (older) page; null when there is none. */
  nextCursor: string | null;
}

/** Who may ask for a change is decided before the store is asked (src/decisions). */
export interface StatusChangeRequest {
  status: Exclude<DecisionStatus, "proposed">;
  actor: string;
  comment?: string;
  /** Required with status "superseded": the decision that replaces this one. */
  supersededBy?: string;
}

export interface StatusChange {
  status: DecisionStatus;
  actor: string;
  at: string;
  comment: string;
}

export interface DecisionStats {
  perOption: { option: OptionId; count: number }[];
  perMonth: { month: string; count: number }[];
  acceptedMonthlyCostUsd: number;
}

/**
 * The decision history. Every method is asynchronous: PostgreSQL's drivers are, and on SQLite a write
 * that waits for another process's lock waits without blocking the event loop.
 */
export interface DecisionStore {
  saveDecision(decision: NewDecision): Promise<{ decision: Decision; created: boolean }>;
  /** Seeds or imports many decisions in one transaction; returns how many were new. */
  saveDecisions(decisions: Iterable<NewDecision>): Promise<number>;
  getDecision(workspace: string, id: string): Promise<Decision | undefined>;
  /** One page, newest first; a filter or cursor it cannot use is an error naming the field, not a throw. */
  listDecisions(workspace: string, query?: DecisionQuery): Promise<Result<DecisionPage>>;
  changeStatus(workspace: string, id: string, change: StatusChangeRequest): Promise<Result<Decision>>;
  history(workspace: string, id: string): Promise<StatusChange[]>;
  setMessageRef(workspace: string, id: string, channel: string, ts: string): Promise<void>;
  stats(workspace: string): Promise<DecisionStats>;
  /** Every decision of the workspace (or of all workspaces), oldest first, read a batch at a time. */
  allDecisions(workspace?: string): AsyncIterable<Decision>;
  close(): Promise<void>;
}
