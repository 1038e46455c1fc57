/** EA-42 (any case) → 42; anything else → undefined, which every caller treats as "not found". */
export function decisionNumber(id: string): number | undefined {
  // At most nine digits: every number fits the 32-bit columns of both engines.
  const match = /^ea-([1-9]\d{0,8})$/i.exec(id.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function displayId(number: number): string {
  return `EA-${number}`;
}
