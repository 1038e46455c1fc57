import { run as slack } from "./slack.js";

/** One measured figure, printed as a table row. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const benches: Record<string, () => Promise<BenchResult[]>> = { slack };

for (const [name, bench] of Object.entries(benches)) {
  console.log(`\n## ${name}`);
  console.table(await bench());
}
