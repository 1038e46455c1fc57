/**
 * A number as people write one in a form or a command: "50", "$50", "50 USD", "1,000", "12.5". Undefined
 * when it is not a plain non-negative amount, so the surface can say what to write.
 */
export function readAmount(text: string): number | undefined {
  const digits = text
    .trim()
    .replace(/^\$\s*|\s*(usd|\$)$/i, "")
    .replace(/,(?=\d{3}\b)/g, "");
  return /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : undefined;
}
