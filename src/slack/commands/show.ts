import type { RespondArguments } from "@slack/bolt";
import { answerMessage } from "../blocks/answer.js";
import type { AppContext } from "../context.js";
import { say } from "../words.js";

/** `/endpoint-advice show EA-42`: the stored answer, only to the person who asked. */
export async function showDecision(
  { services, workspace }: AppContext,
  args: string,
): Promise<RespondArguments> {
  const id = args.trim().split(/\s+/)[0] ?? "";
  const decision = id === "" ? undefined : await services.store.getDecision(workspace, id);
  if (decision === undefined) return { response_type: "ephemeral", text: say("not-found", { id }) };
  const history = await services.store.history(workspace, decision.id);
  return { response_type: "ephemeral", ...answerMessage(decision, services.knowledge, history, "read-only") };
}
