import { advise } from "../advice/index.js";
import type { Requirements } from "../vocabulary/index.js";
import { renderAdvice, renderTemplate } from "../render/index.js";
import type { Decision, DecisionId, Delivery, DeliveryTarget } from "../store/index.js";
import { mayChange, type Actor } from "./policy.js";
import type { Services } from "./services.js";

export interface AdviceRequest {
  workspace: string;
  /** Where the answer is posted; null when nowhere (a DM, the command line). */
  channel: string | null;
  requirements: Requirements;
  /** Same key → same decision: a retried or double-clicked submission is stored once. */
  dedupeKey: string;
  /** A re-run: the decision it started from. */
  basedOn?: DecisionId;
  /** Where the answer still has to go: recorded as pending in the save's transaction (the outbox). */
  delivery?: DeliveryTarget;
}

export interface RecordedAdvice {
  decision: Decision;
  /** false when the dedupe key had been stored already: `decision` is that earlier one. */
  created: boolean;
  /** The pending delivery recorded with a new decision; null when none was asked for or it was not new. */
  delivery: Delivery | null;
}

/**
 * Advises and stores the answer as a proposed decision. A re-run by someone who may change the original
 * (its author or an admin) is saved as its replacement, which supersedes it only once accepted (see
 * changeStatus); anyone else's re-run stands beside the original, its title naming it.
 */
export async function recordAdvice(
  { store, knowledge }: Services,
  request: AdviceRequest,
  actor: Actor,
): Promise<RecordedAdvice> {
  const { requirements } = request;
  const advice = advise(requirements, knowledge);
  const original =
    request.basedOn === undefined ? undefined : await store.getDecision(request.workspace, request.basedOn);
  const replaces = original !== undefined && (await mayChange(original, actor));
  const title =
    original !== undefined && !replaces
      ? renderTemplate(
          "decision-based-on-title",
          { title: requirements.title, id: original.id },
          "text",
        ).trim()
      : requirements.title;
  return store.saveDecision({
    workspace: request.workspace,
    channel: request.channel,
    author: actor.user,
    title,
    requirements,
    advice,
    rendered: renderAdvice(advice, requirements, "text", knowledge),
    dedupeKey: request.dedupeKey,
    ...(replaces && { supersedes: original.id }),
    ...(request.delivery !== undefined && { delivery: request.delivery }),
  });
}
