import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  ButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import type { Services } from "../decisions/index.js";
import type { Uninstalls } from "./oauth/uninstall.js";

/**
 * Whose history a request reads and writes: the team Bolt resolved for it, or on an org-wide install with
 * no team, the enterprise. Never empty.
 */
export type WorkspaceKey = string & { readonly __brand: "WorkspaceKey" };

/** What every listener finds on Bolt's `context`, put there once by `provideContext`. */
export interface AppContext {
  services: Services;
  workspace: WorkspaceKey;
  /** With OAuth installs only (oauth/index.ts puts it there): what an uninstall or a revoked token does. */
  uninstalls?: Uninstalls;
  [key: string]: unknown;
}

/** What Bolt passes every listener of this app besides the payload. */
export type Tools = Pick<AllMiddlewareArgs<AppContext>, "client" | "context" | "logger">;

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs<AppContext>;
export type ActionArgs<Action extends BlockAction = BlockAction> = SlackActionMiddlewareArgs<Action> &
  AllMiddlewareArgs<AppContext>;
export type ButtonArgs = ActionArgs<BlockAction<ButtonAction>>;
export type ViewArgs<View extends SlackViewAction> = SlackViewMiddlewareArgs<View> &
  AllMiddlewareArgs<AppContext>;
export type ShortcutArgs<Shortcut extends SlackShortcut> = SlackShortcutMiddlewareArgs<Shortcut> &
  AllMiddlewareArgs<AppContext>;
export type EventArgs<Event extends string> = SlackEventMiddlewareArgs<Event> & AllMiddlewareArgs<AppContext>;

/**
 * Global middleware: puts the services and the workspace key on Bolt's context. A request Bolt could tie to
 * no team and no enterprise is refused (acked, so Slack does not retry it, and logged), never filed under "".
 */
export function provideContext(services: Services): Middleware<AnyMiddlewareArgs, AppContext> {
  return async (args) => {
    const { context, logger, next } = args;
    const workspace = workspaceKey(context.teamId, context.enterpriseId);
    if (workspace === undefined) {
      logger.warn(`Refused a ${args.payload.type ?? "request"} that names no team or enterprise`);
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      return;
    }
    context.services = services;
    context.workspace = workspace;
    await next();
  };
}

function workspaceKey(
  teamId: string | undefined,
  enterpriseId: string | undefined,
): WorkspaceKey | undefined {
  const key = teamId || enterpriseId;
  return key ? (key as WorkspaceKey) : undefined;
}
