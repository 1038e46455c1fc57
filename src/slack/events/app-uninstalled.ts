import type { EventArgs } from "../context.js";
import { uninstallsOf } from "../oauth/uninstall.js";

/** The app uninstalled from a workspace (OAuth installs): its tokens go at once, its decisions later. */
export async function appUninstalled({ body, context, client, logger }: EventArgs<"app_uninstalled">) {
  await uninstallsOf(context).uninstalled({ context, eventTime: body.event_time, client, logger });
}
