import type { webApi } from "@slack/bolt";
import { deliverAnswer } from "../deliver-answer.js";
import type { SlackDeps } from "../deps.js";
import type { PrivateReply } from "../reply-privately.js";
import { parseRequirements } from "../../advice/index.js";
import { explainFieldErrors } from "../../render/index.js";
import { say } from "../words.js";

export interface QuickRequest {
  workspace: string;
  user: string;
  channel: string;
  args: string;
  dedupeKey: string;
}

/** `/endpoint-advice quick cloud=azure service=… onprem=yes budget=20`: the answer without the modal. */
export async function quickAnswer(
  deps: SlackDeps,
  client: webApi.WebClient,
  reply: PrivateReply,
  request: QuickRequest,
): Promise<void> {
  const parsed = parseQuickArgs(request.args);
  if ("unknown" in parsed) {
    await reply({
      response_type: "ephemeral",
      text: say("quick-unknown-keys", { unknown: parsed.unknown, keys: QUICK_KEYS }),
    });
    return;
  }
  if ("errors" in parsed) {
    await reply({ response_type: "ephemeral", text: say("quick-errors", { errors: parsed.errors }) });
    return;
  }
  const requirements = parseRequirements(parsed.input, deps.knowledge);
  if (!requirements.ok) {
    const errors = explainFieldErrors(requirements.errors).map((error) => ({
      key: KEY_OF_FIELD.get(error.field) ?? error.field,
      message: error.message,
    }));
    await reply({ response_type: "ephemeral", text: say("quick-errors", { errors }) });
    return;
  }
  try {
    await deliverAnswer(client, deps, { ...request, requirements: requirements.value }, reply);
  } catch (error) {
    // Acked already, so the person is waiting for an answer: say so by their response_url.
    deps.logger.error(`The quick answer for ${request.user} in ${request.workspace} failed`, error);
    await reply({ response_type: "ephemeral", text: say("apology") }).catch((replyError: unknown) =>
      deps.logger.error(`Could not even apologise to ${request.user}: ${String(replyError)}`),
    );
  }
}

type Convert = (value: string) => unknown;

const yesNo: Convert = (value) => YES_NO[value.toLowerCase()] ?? value;
const crossSame: Convert = (value) => CROSS_SAME[value.toLowerCase()] ?? yesNo(value);
const number: Convert = (value) => (/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
const text: Convert = (value) => value;

const YES_NO: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  on: true,
  "1": true,
  no: false,
  n: false,
  false: false,
  off: false,
  "0": false,
};
const CROSS_SAME: Record<string, boolean> = { cross: true, same: false };

// quick key → Requirements field and how its value is read.
const QUICK_FIELDS: Record<string, { field: string; convert: Convert }> = {
  cloud: { field: "cloud", convert: text },
  target: { field: "target", convert: text },
  service: { field: "service", convert: text },
  onprem: { field: "onPremisesAccess", convert: yesNo },
  // "public=off" reads as "the public endpoint must be off".
  public: { field: "disablePublicAccess", convert: (value) => negate(yesNo(value)) },
  exfil: { field: "exfiltrationProtection", convert: yesNo },
  dns: { field: "dns", convert: text },
  region: { field: "crossRegion", convert: crossSame },
  tenant: { field: "crossTenant", convert: crossSame },
  overlap: { field: "overlappingAddressSpaces", convert: yesNo },
  transitive: { field: "transitiveRouting", convert: yesNo },
  budget: {
    field: "monthlyBudgetUsd",
    convert: (value) => (value.toLowerCase() === "none" ? null : number(value)),
  },
  gb: { field: "dataGbPerMonth", convert: number },
  endpoints: { field: "endpointCount", convert: number },
  protocols: { field: "protocols", convert: (value) => value.toLowerCase().split(",").filter(Boolean) },
  title: { field: "title", convert: text },
};
export const QUICK_KEYS = Object.keys(QUICK_FIELDS);
const KEY_OF_FIELD = new Map(Object.entries(QUICK_FIELDS).map(([key, { field }]) => [field, key]));

type QuickParse =
  { input: Record<string, unknown> } | { unknown: string[] } | { errors: { key: string; message: string }[] };

function parseQuickArgs(args: string): QuickParse {
  const input: Record<string, unknown> = { target: "cloud-service" };
  const unknown: string[] = [];
  const errors: { key: string; message: string }[] = [];
  // key=value, key="several words" or key=“several words” (Slack clients often type curly quotes).
  const pairs = args.matchAll(/(\S+?)=(?:"([^"]*)"|“([^”]*)”|(\S*))|(\S+)/g);
  for (const [, key, quoted, curly, bare, stray] of pairs) {
    if (stray !== undefined) {
      errors.push({ key: stray, message: say("quick-not-a-pair") });
      continue;
    }
    const spec = QUICK_FIELDS[(key ?? "").toLowerCase()];
    if (spec === undefined) unknown.push(key ?? "");
    else input[spec.field] = spec.convert(quoted ?? curly ?? bare ?? "");
  }
  if (unknown.length > 0) return { unknown };
  if (errors.length > 0) return { errors };
  if (input.target !== "cloud-service") delete input.service;
  return { input };
}

function negate(value: unknown): unknown {
  return typeof value === "boolean" ? !value : value;
}
