import type { Advice } from "../advice/advice.js";
import type { KnowledgeVersions, OptionId, Requirements, Result } from "../vocabulary/index.js";
import type { DecisionId } from "./ids.js";

export type { DecisionId } from "./ids.js";
import type { InstallationRecords } from "./installations.js";

export const DECISION_STATUSES = ["proposed", "accepted", "rejected", "superseded"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

// The same field-error shape as the advice core, so surfaces show both alike.
export type { FieldError, Result } from "../vocabulary/index.js";

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
  /** Where the answer still has to go: recorded in the save's transaction, only when the decision is new. */
  delivery?: DeliveryTarget;
  /** A re-run: the decision this one replaces once it is accepted (stored as `supersedes`). */
  supersedes?: DecisionId;
}

/** A pending delivery of a decision's answer (the outbox). The payload is the decision itself. */
export interface DeliveryTarget {
  /** What to deliver, for the deliverer to choose how (e.g. "answer"). */
  kind: string;
  /** The channel to post in; null → a DM to `user`. */
  channel: string | null;
  user: string;
  /** The slash command's response_url, when there is one (valid 30 minutes). */
  responseUrl: string | null;
}

/** A delivery's `lastError` while an attempt that began posting has not finished (or never will). */
export const ATTEMPT_STARTED = "attempt_started";

export type DeliveryStatus = "pending" | "claimed" | "delivered" | "failed";

export interface Delivery extends DeliveryTarget {
  id: number;
  workspace: string;
  /** EA-n of the decision whose answer this is. */
  decisionId: string;
  status: DeliveryStatus;
  /** Claims so far, this one included. */
  attempts: number;
  lastError: string | null;
}

export interface ClaimOptions {
  /** At most this many (default 10). */
  limit?: number;
  /** How long the claim holds before another claimer may take the delivery again (default 60 s). */
  leaseMs?: number;
  /** Only this delivery (e.g. the one just saved), if it is still waiting. */
  id?: number;
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
  /** Saves once per dedupe key; `delivery` is the pending delivery recorded with a new decision, else null. */
  saveDecision(decision: NewDecision): Promise<SavedDecision>;
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

  // The outbox. A claim is exclusive while its lease lasts: concurrent claimers (other instances
  // included) never get the same delivery; one whose claimer died is claimable again after the lease.
  /** Claims waiting deliveries of every workspace, oldest first, counting an attempt on each. */
  claimDeliveries(options?: ClaimOptions): Promise<Delivery[]>;
  /** The answer was posted: the delivery is done, and `posted` (if any) becomes the decision's message. */
  markDelivered(deliveryId: number, posted?: { channel: string; ts: string }): Promise<void>;
  /**
   * The claimed attempt is about to post. If it never finishes (the process died), the next claim sees
   * `lastError` ATTEMPT_STARTED: Slack may have the post already.
   */
  markDeliveryStarted(deliveryId: number): Promise<void>;
  /** The attempt failed: try again from `retryAt`, or give up for good with null. */
  markDeliveryFailed(deliveryId: number, reason: string, retryAt: Date | null): Promise<void>;
  /** The deliveries recorded for a decision, oldest first. */
  deliveries(workspace: string, id: string): Promise<Delivery[]>;

  /** Installations by many workspaces (OAuth), in the same database. */
  installations: InstallationRecords;
  close(): Promise<void>;
}

export interface SavedDecision {
  decision: Decision;
  created: boolean;
  delivery: Delivery | null;
}
