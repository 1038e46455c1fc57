import type { webApi } from "@slack/bolt";
import { homeView } from "../blocks/home.js";
import type { HomeFilter } from "../blocks/home.js";
import type { OptionId } from "../../vocabulary/index.js";
import type { SlackDeps } from "../deps.js";

const RECENT = 20;

/** Publishes the person's Home tab: the workspace's recent decisions (optionally filtered) and the stats. */
export async function publishHome(
  client: webApi.WebClient,
  deps: SlackDeps,
  workspace: string,
  user: string,
  filter: HomeFilter = {},
): Promise<void> {
  const page = await deps.store.listDecisions(workspace, { ...filter, limit: RECENT });
  const items = page.ok ? page.value.items : [];
  const stats = await deps.store.stats(workspace);
  const optionTitle = (option: OptionId) => deps.knowledge.options.options[option].title;
  try {
    await client.views.publish({ user_id: user, view: homeView(items, stats, filter, optionTitle) });
  } catch (error) {
    // The answer or status change already happened; a stale Home tab is not worth failing it for.
    deps.logger.warn(`views.publish for ${user} failed`, error);
  }
}
