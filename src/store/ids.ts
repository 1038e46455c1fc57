/** How people name a decision: EA-<n>, numbered per workspace. */
export type DecisionId = `EA-${number}`;

/** EA-42 as a person types it (any case, spaces around) → "EA-42"; anything else → undefined. */
export function parseDecisionId(text: string): DecisionId | undefined {
  const number = decisionNumber(text);
  return number === undefined ? undefined : displayId(number);
}

/** EA-42 (any case) → 42; anything else → undefined, which every caller treats as "not found". */
export function decisionNumber(id: string): number | undefined {
  // At most nine digits: every number fits the 32-bit columns of both engines.
  const match = /^ea-([1-9]\d{0,8})$/i.exec(id.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function displayId(number: number): DecisionId {
  return `EA-${number}`;
}
