import type { EventArgs } from "../context.js";
import { uninstallsOf } from "../oauth/uninstall.js";

/** Tokens revoked (OAuth installs): users' tokens are deleted; a revoked bot token is an uninstall. */
export async function tokensRevoked({ event, body, context, client, logger }: EventArgs<"tokens_revoked">) {
  const uninstalls = uninstallsOf(context);
  const users = event.tokens.oauth ?? [];
  if (users.length > 0) await uninstalls.userTokensRevoked({ context, logger }, users);
  if ((event.tokens.bot ?? []).length > 0) {
    await uninstalls.uninstalled({ context, eventTime: body.event_time, client, logger });
  }
}
