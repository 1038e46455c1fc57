import { run as adviceBench } from "./advice.js";
import { run as storeBench } from "./store.js";
import { run as slackBench } from "./slack.js";
import { run as instancesBench } from "./instances.js";

/** One measured figure, printed by `npm run bench`; targets are for reading, not asserted. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
}

const benches: Record<string, () => Promise<BenchResult[]>> = {
  advice: adviceBench,
  store: storeBench,
  slack: slackBench,
  instances: instancesBench,
};

// `npm run bench` runs them all; `npm run bench -- advice slack` only those named.
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}: choose from ${Object.keys(benches).join(", ")}.`);
  process.exit(2);
}

for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  for (const result of await bench()) {
    console.log(
      `${result.name}: ${result.value.toLocaleString("en-US")} ${result.unit} (target ${result.target})`,
    );
  }
}
