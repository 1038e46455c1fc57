import { run as adviceBench } from "./advice.js";
import { run as storeBench } from "./store.js";
import { run as slackBench } from "./slack.js";

/** One measured figure, printed by `npm run bench`; targets are for reading, not asserted. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
}

const benches: (() => Promise<BenchResult[]>)[] = [adviceBench, storeBench, slackBench];

for (const bench of benches) {
  for (const result of await bench()) {
    console.log(
      `${result.name}: ${result.value.toLocaleString("en-US")} ${result.unit} (target ${result.target})`,
    );
  }
}
