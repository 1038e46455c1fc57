import { parse } from "yaml";
import { z } from "zod";
import { renderTemplate } from "../render/index.js";

/** Renders templates/slack-NAME.hbs as Slack mrkdwn; user text in `context` is escaped so it cannot ping or link. */
export function say(name: string, context: object = {}): string {
  return renderTemplate(`slack-${name}`, context, "slack").trim();
}

const LABEL_KEYS = [
  "modalTitle",
  "next",
  "submit",
  "cancel",
  "back",
  "close",
  "yes",
  "no",
  "accept",
  "reject",
  "rerun",
  "exportAdr",
  "showDetails",
  "acceptTitle",
  "rejectTitle",
  "keepProposed",
  "optionColumn",
  "fitsColumn",
  "costColumn",
  "recommended",
  "fits",
  "doesNotFit",
  "notApplicable",
  "nextPage",
  "newQuestionnaire",
  "homeHeader",
  "allStatuses",
  "allOptions",
  "filterStatus",
  "filterOption",
  "choose",
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

// Modal titles and submit/close texts allow 24 characters, the tightest limit any label meets.
const LabelsSchema = z.strictObject(
  Object.fromEntries(LABEL_KEYS.map((key) => [key, z.string().min(1).max(24)])) as Record<
    LabelKey,
    z.ZodString
  >,
);

let labels: Record<LabelKey, string> | undefined;

/** A short plain-text label (button, modal title, menu) from templates/slack-labels.hbs. */
export function label(key: LabelKey): string {
  labels ??= LabelsSchema.parse(parse(renderTemplate("slack-labels", {}, "slack"))) as Record<
    LabelKey,
    string
  >;
  return labels[key];
}
