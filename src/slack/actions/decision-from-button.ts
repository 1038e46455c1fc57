import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { Decision } from "../../store/index.js";
import type { SlackDeps } from "../deps.js";
import { say } from "../words.js";

/** The decision a button names (its value is the id), or undefined after telling the person it is gone. */
export async function decisionFromButton(
  deps: SlackDeps,
  body: BlockAction<ButtonAction>,
  respond: RespondFn,
): Promise<Decision | undefined> {
  const id = body.actions[0]?.value ?? "";
  const decision = deps.store.getDecision(body.team?.id ?? "", id);
  if (decision === undefined)
    await respond({ response_type: "ephemeral", replace_original: false, text: say("not-found", { id }) });
  return decision;
}
