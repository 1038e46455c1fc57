import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { appHomeOpened } from "./app-home-opened.js";

export const EVENTS = ["app_home_opened"] as const;

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", appHomeOpened(deps));
}
