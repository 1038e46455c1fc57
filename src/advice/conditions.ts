import type { Condition } from "../knowledge/schemas.js";
import type { Facts } from "../vocabulary/index.js";

/** True when every fact named in the condition has the value (or one of the values) it asks for. */
export function matches(condition: Condition, facts: Facts): boolean {
  for (const fact in condition) {
    const expected = condition[fact];
    const actual = facts[fact as keyof Facts];
    if (Array.isArray(expected) ? !expected.includes(actual) : expected !== actual) return false;
  }
  return true;
}
