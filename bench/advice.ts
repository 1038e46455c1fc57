import { performance } from "node:perf_hooks";
import { advise } from "../src/advice/index.js";
import { loadKnowledge } from "../src/knowledge/index.js";
import { sampleRequirements } from "./requirements-sample.js";
import type { BenchResult } from "./run.js";

const ROUNDS = 200_000;
const TIMED_CALLS = 50_000;

/** Advice evaluations per second and p99 latency of one evaluation, over varied requirements of all clouds. */
export async function run(): Promise<BenchResult[]> {
  const knowledge = loadKnowledge();
  const inputs = sampleRequirements(knowledge, 1000);
  for (let i = 0; i < 20_000; i++) advise(inputs[i % inputs.length]!, knowledge);

  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) advise(inputs[i % inputs.length]!, knowledge);
  const perSecond = Math.round(ROUNDS / ((performance.now() - start) / 1000));

  const latencies = new Float64Array(TIMED_CALLS);
  for (let i = 0; i < TIMED_CALLS; i++) {
    const before = performance.now();
    advise(inputs[i % inputs.length]!, knowledge);
    latencies[i] = performance.now() - before;
  }
  latencies.sort();
  const p99 = latencies[Math.floor(TIMED_CALLS * 0.99)] ?? Number.NaN;

  return Promise.resolve([
    { name: "advice evaluations", value: perSecond, unit: "per second", target: "≥ 50,000/s" },
    { name: "advice p99 latency", value: Math.round(p99 * 1000) / 1000, unit: "ms", target: "< 1 ms" },
  ]);
}
