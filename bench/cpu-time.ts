import { readFileSync, readdirSync } from "node:fs";

// /proc reports CPU time in clock ticks; Linux has used 100 a second on every common platform for decades.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) that process `pid` and its exited, reaped children have used so far. */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (fields === undefined) return 0;
  // After "pid (comm) state": utime, stime, cutime, cstime are fields 14-17 of the line, 11-14 here.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return ((utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0)) / TICKS_PER_SECOND;
}

/** The live processes whose parent is `pid` (PostgreSQL's backends are children of its main process). */
export function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => Number(statFields(child)?.[1]) === pid);
}

/** CPU seconds the whole machine has spent busy so far, over every core. */
export function machineBusySeconds(): number {
  const [cpu] = readFileSync("/proc/stat", "utf8").split("\n");
  const ticks = (cpu ?? "").split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

// The fields after the command name (which may hold spaces): state, ppid, …
function statFields(pid: number): string[] | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, "utf8");
    return line.slice(line.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // it has exited
  }
}
