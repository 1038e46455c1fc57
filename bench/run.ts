import { run as store } from "./store.js";

/** One measured figure and whether it meets its target. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const BENCHMARKS: Record<string, () => Promise<BenchResult[]>> = { store };

for (const [name, run] of Object.entries(BENCHMARKS)) {
  console.log(`\n${name}`);
  console.table(await run());
}
