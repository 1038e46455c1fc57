import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { publishHome } from "../home/publish-home.js";

type EventArgs = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/** Opening the Home tab shows the workspace's decisions as they are now. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client }: EventArgs): Promise<void> => {
    if (event.tab !== "home") return;
    await publishHome(client, deps, body.team_id, event.user);
  };
}
