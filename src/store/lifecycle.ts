import type { Decision, DecisionStatus, FieldError, StatusChangeRequest } from "./types.js";

/** Where each status may go next. Rejected and superseded are final: a new decision replaces them. */
const NEXT_STATUSES: Record<DecisionStatus, readonly DecisionStatus[]> = {
  proposed: ["accepted", "rejected", "superseded"],
  accepted: ["superseded"],
  rejected: [],
  superseded: [],
};

/**
 * Why `change` may not be applied to `decision` (empty when it may). `successor` is the decision named
 * by `change.supersededBy`, looked up in the same workspace, or undefined when there is none.
 */
export function statusChangeErrors(
  decision: Decision,
  change: StatusChangeRequest,
  successor: Decision | undefined,
): FieldError[] {
  const allowed = NEXT_STATUSES[decision.status];
  if (!allowed.includes(change.status)) {
    const choices = allowed.length === 0 ? "none, it is final" : allowed.join(", ");
    return [
      {
        field: "status",
        message: `${decision.id} is ${decision.status} and cannot become ${change.status}; allowed: ${choices}`,
      },
    ];
  }
  return successorErrors(decision, change, successor);
}

function successorErrors(
  decision: Decision,
  change: StatusChangeRequest,
  successor: Decision | undefined,
): FieldError[] {
  if (change.status !== "superseded") {
    return change.supersededBy === undefined
      ? []
      : [{ field: "supersededBy", message: "is only allowed with status superseded" }];
  }
  if (change.supersededBy === undefined) {
    return [
      {
        field: "supersededBy",
        message: "is required with status superseded: name the decision that replaces it",
      },
    ];
  }
  if (successor === undefined) {
    return [{ field: "supersededBy", message: `no decision ${change.supersededBy} in this workspace` }];
  }
  if (successor.id === decision.id) {
    return [{ field: "supersededBy", message: "a decision cannot supersede itself" }];
  }
  if (successor.status !== "proposed" && successor.status !== "accepted") {
    return [
      {
        field: "supersededBy",
        message: `${successor.id} is ${successor.status}; the successor must be proposed or accepted`,
      },
    ];
  }
  if (successor.supersedes !== null && successor.supersedes !== decision.id) {
    return [{ field: "supersededBy", message: `${successor.id} already replaces ${successor.supersedes}` }];
  }
  return [];
}
