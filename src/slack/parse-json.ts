import type { z } from "zod";

/** JSON text that came back from Slack (metadata, button values) checked against `schema`; null if it is not. */
export function parseJsonWith<T extends z.ZodType>(schema: T, text: string): z.output<T> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
