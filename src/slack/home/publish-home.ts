import type { OptionId } from "../../vocabulary/index.js";
import { homeView } from "../blocks/home.js";
import type { HomeFilter } from "../blocks/home.js";
import type { Tools } from "../context.js";

const RECENT = 20;

/** Publishes the person's Home tab: the workspace's recent decisions (optionally filtered) and the stats. */
export async function publishHome(tools: Tools, user: string, filter: HomeFilter = {}): Promise<void> {
  const { client, context, logger } = tools;
  const { store, knowledge } = context.services;
  const page = await store.listDecisions(context.workspace, { ...filter, limit: RECENT });
  const items = page.ok ? page.value.items : [];
  const stats = await store.stats(context.workspace);
  const optionTitle = (option: OptionId) => knowledge.options.options[option].title;
  try {
    await client.views.publish({
      user_id: user,
      view: homeView(items, stats, filter, knowledge, optionTitle),
    });
  } catch (error) {
    // The answer or status change already happened; a stale Home tab is not worth failing it for.
    logger.warn(`views.publish for ${user} failed`, error);
  }
}
