import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from "@slack/bolt";
import { z } from "zod";
import { OPTION_IDS } from "../../vocabulary/index.js";
import { DECISION_STATUSES } from "../../store/index.js";
import { HOME_ACTIONS } from "../blocks/home.js";
import type { SlackDeps } from "../deps.js";
import { parseJsonWith } from "../parse-json.js";
import { publishHome } from "./publish-home.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

const FilterSchema = z.strictObject({
  status: z.enum(DECISION_STATUSES).optional(),
  option: z.enum(OPTION_IDS).optional(),
});

/** A Home filter changed: publish the Home tab again with it (the other filter is kept in the view). */
export function filterHome(deps: SlackDeps) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const current = parseJsonWith(FilterSchema, body.view?.private_metadata ?? "{}") ?? {};
    const key = action.action_id === HOME_ACTIONS.filterStatus ? "status" : "option";
    const chosen = action.selected_option.value;
    const next = { ...current, [key]: chosen === "all" ? undefined : chosen };
    const filter = FilterSchema.safeParse(next);
    await publishHome(client, deps, body.team?.id ?? "", body.user.id, filter.success ? filter.data : {});
  };
}
