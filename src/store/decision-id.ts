/** How people name a decision: EA-<n>, numbered per workspace. */
export type DecisionId = `EA-${number}`;

const DECISION_ID = /^ea-([1-9]\d{0,15})$/i;

/** EA-42 as a person types it (any case, spaces around) → "EA-42"; anything else → undefined. */
export function parseDecisionId(text: string): DecisionId | undefined {
  const number = decisionNumber(text);
  return number === undefined ? undefined : `EA-${number}`;
}

/** EA-42 → 42; anything else → undefined, which every lookup treats as "not found". */
export function decisionNumber(text: string): number | undefined {
  const match = DECISION_ID.exec(text.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
