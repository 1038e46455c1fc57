import type { Decision } from "../../store/index.js";

/** What a button on an answer names: the decision's workspace key and its id, e.g. `T0123/EA-7`. */
export function decisionButtonValue(decision: Pick<Decision, "workspace" | "id">): string {
  return `${decision.workspace}/${decision.id}`;
}

/**
 * Reads a button's value back. A bare `EA-n` (buttons posted before values named the workspace) stands for
 * `fallbackWorkspace`, the clicker's; anything else is null (and is never echoed back).
 */
export function parseDecisionButtonValue(
  value: string,
  fallbackWorkspace: string,
): { workspace: string; id: string } | null {
  const match = /^(?:([A-Z0-9]{1,32})\/)?(EA-\d{1,12})$/i.exec(value.trim());
  if (match === null) return null;
  return { workspace: match[1] ?? fallbackWorkspace, id: match[2]! };
}
