import type { Decision } from "../store/index.js";

/** The person asking for a change. `isAdmin` is asked only when authorship does not settle it. */
export interface Actor {
  user: string;
  isAdmin(): Promise<boolean>;
}

/** A decision's status may be changed by its author or by an admin of its workspace. */
export async function mayChange(decision: Decision, actor: Actor): Promise<boolean> {
  return actor.user === decision.author || (await actor.isAdmin());
}
