import {
  CLOUDS,
  type Requirements,
  DNS_SETUPS,
  PROTOCOLS,
  RequirementsSchema,
  TARGETS,
} from "../src/vocabulary/index.js";
import type { Knowledge } from "../src/knowledge/index.js";

/**
 * `count` varied Requirements from a seeded generator (mulberry32), so a failing case can be replayed.
 * Shared by the property test and the benchmark's input set.
 */
export function sampleRequirements(knowledge: Knowledge, count: number, seed = 42): Requirements[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const flag = (): boolean => random() < 0.3;
  return Array.from({ length: count }, () => {
    const cloud = pick(CLOUDS);
    const target = pick(TARGETS);
    return RequirementsSchema.parse({
      cloud,
      target,
      service:
        target === "cloud-service" || random() < 0.2 ? pick(knowledge.servicesFor(cloud)).id : undefined,
      onPremisesAccess: flag(),
      disablePublicAccess: flag(),
      exfiltrationProtection: flag(),
      dns: pick(DNS_SETUPS),
      crossRegion: flag(),
      crossTenant: flag(),
      overlappingAddressSpaces: flag(),
      transitiveRouting: flag(),
      monthlyBudgetUsd: random() < 0.5 ? null : pick([0, 1, 10, 100, 5000]),
      dataGbPerMonth:
        pick([0, 1, 100, 204_800, 1_048_576, 3_000_000, 7_000_000]) + Math.floor(random() * 100),
      endpointCount: 1 + Math.floor(random() * 5),
      protocols: PROTOCOLS.filter(() => random() < 0.5).concat("tcp"),
      title: "generated",
    });
  });
}

/** mulberry32: a small, well-known seeded generator; samples are the same on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
