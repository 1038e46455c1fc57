import type { RespondArguments } from "@slack/bolt";
import { answerMessage } from "../blocks/answer.js";
import type { SlackDeps } from "../deps.js";
import { say } from "../words.js";

/** `/endpoint-advice show EA-42`: the stored answer, only to the person who asked. */
export async function showDecision(
  deps: SlackDeps,
  workspace: string,
  args: string,
): Promise<RespondArguments> {
  const id = args.trim().split(/\s+/)[0] ?? "";
  const decision = id === "" ? undefined : await deps.store.getDecision(workspace, id);
  if (decision === undefined) return { response_type: "ephemeral", text: say("not-found", { id }) };
  return { response_type: "ephemeral", ...answerMessage(decision, "read-only") };
}
