import type { EventArgs } from "../context.js";
import { publishHome } from "../home/publish-home.js";

/** Opening the Home tab shows the workspace's decisions as they are now. */
export async function appHomeOpened(args: EventArgs<"app_home_opened">): Promise<void> {
  if (args.event.tab !== "home") return;
  await publishHome(args, args.event.user);
}
