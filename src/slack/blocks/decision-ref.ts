import { parseDecisionId, type Decision } from "../../store/index.js";

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
  const slash = value.lastIndexOf("/");
  const named = value.slice(0, Math.max(slash, 0)).trim();
  const id = parseDecisionId(value.slice(slash + 1));
  if (id === undefined || (slash !== -1 && !WORKSPACE_KEY.test(named))) return null;
  return { workspace: slash === -1 ? fallbackWorkspace : named, id };
}

// Team and enterprise ids as Slack writes them (T…, E…): letters and digits.
const WORKSPACE_KEY = /^[A-Z0-9]{1,32}$/i;
