import type { BlockAction, StaticSelectAction } from "@slack/bolt";
import { HOME_ACTIONS, HomeFilterSchema } from "../blocks/home.js";
import type { ActionArgs } from "../context.js";
import { parseJsonWith } from "../parse-json.js";
import { publishHome } from "./publish-home.js";

/** A Home filter changed: publish the Home tab again with it (the other filter is kept in the view). */
export async function filterHome(args: ActionArgs<BlockAction<StaticSelectAction>>): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const current = parseJsonWith(HomeFilterSchema, body.view?.private_metadata ?? "{}") ?? {};
  const key = action.action_id === HOME_ACTIONS.filterStatus ? "status" : "option";
  const chosen = action.selected_option.value;
  const filter = HomeFilterSchema.safeParse({ ...current, [key]: chosen === "all" ? undefined : chosen });
  await publishHome(args, body.user.id, filter.success ? filter.data : {});
}
