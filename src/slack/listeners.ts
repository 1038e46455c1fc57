import type { App } from "@slack/bolt";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import type { SlackDeps } from "./deps.js";
import { registerEvents } from "./events/index.js";
import { registerHome } from "./home/index.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { registerViews } from "./views/index.js";

/** The one place every Slack surface is registered. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerViews(app, deps);
  registerActions(app, deps);
  registerHome(app, deps);
  registerShortcuts(app, deps);
  registerEvents(app, deps);
}
