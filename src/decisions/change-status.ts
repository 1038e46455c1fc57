import type { Decision, DecisionStatus, Result } from "../store/index.js";
import { mayChange, type Actor } from "./policy.js";
import type { Services } from "./services.js";

export type NewStatus = Extract<DecisionStatus, "accepted" | "rejected">;

export interface StatusChanged {
  decision: Decision;
  /** The decision an accepted replacement took over from, now superseded; null when there was none. */
  superseded: Decision | null;
}

/**
 * Accepts or rejects a decision for `actor`, who must be its author or an admin. Accepting a replacement
 * (a re-run saved with `supersedes`) supersedes the decision it replaces, which is when the old one stops
 * counting; rejecting it leaves the old one as it was. Failures are field errors: `actor` when the person
 * may not, `id` when there is no such decision, `status` when the change is not allowed from here.
 */
export async function changeStatus(
  { store }: Services,
  workspace: string,
  id: string,
  status: NewStatus,
  actor: Actor,
): Promise<Result<StatusChanged>> {
  const decision = await store.getDecision(workspace, id);
  if (decision === undefined) return { ok: false, errors: [{ field: "id", message: `no decision ${id}` }] };
  if (!(await mayChange(decision, actor)))
    return { ok: false, errors: [{ field: "actor", message: `only ${decision.author} or an admin` }] };
  const changed = await store.changeStatus(workspace, decision.id, { status, actor: actor.user });
  if (!changed.ok) return changed;
  const replaced = status === "accepted" ? decision.supersedes : null;
  const original = replaced === null ? undefined : await store.getDecision(workspace, replaced);
  return {
    ok: true,
    value: {
      decision: changed.value,
      // The store superseded the original with the acceptance; one that was final already stays so.
      superseded: original?.supersededBy === decision.id ? original : null,
    },
  };
}
