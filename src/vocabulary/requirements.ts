import { z } from "zod";
import { CLOUDS } from "./options.js";

export const TARGETS = ["cloud-service", "own-service", "virtual-network"] as const;
export const DNS_SETUPS = ["azure-private-dns", "custom-forwarding", "cannot-change"] as const;
export const PROTOCOLS = ["tcp", "udp", "icmp"] as const;
/** App Service / Functions: requests coming into the app, or the app's own calls out to other resources. */
export const APP_TRAFFIC_DIRECTIONS = ["into-the-app", "out-of-the-app"] as const;
/** The tiers a service is sold in, where a tier gates an option (Service Bus and Container Registry: Premium). */
export const SERVICE_TIERS = ["basic", "standard", "premium"] as const;

/**
 * The questionnaire's answers (DESIGN.md §2). Every surface — modal, quick command, CLI — produces this.
 * Unknown keys are rejected so a typo never silently becomes a default.
 */
export const RequirementsSchema = z
  .strictObject({
    cloud: z.enum(CLOUDS).default("azure"),
    target: z.enum(TARGETS),
    service: z.string().min(1).optional(),
    onPremisesAccess: z.boolean().default(false),
    disablePublicAccess: z.boolean().default(false),
    exfiltrationProtection: z.boolean().default(false),
    dns: z.enum(DNS_SETUPS).default("azure-private-dns"),
    crossRegion: z.boolean().default(false),
    crossTenant: z.boolean().default(false),
    overlappingAddressSpaces: z.boolean().default(false),
    transitiveRouting: z.boolean().default(false),
    appTrafficDirection: z.enum(APP_TRAFFIC_DIRECTIONS).default("into-the-app"),
    /**
     * AWS: hosts on-premises must resolve the service's own DNS names (the interface endpoint's private DNS)
     * to the endpoint, which takes a Route 53 Resolver inbound endpoint in the VPC.
     */
    onPremisesDnsResolution: z.boolean().default(false),
    /** Clients sit in other subnets or peered VNets too, not only in the subnet being set up. */
    clientsInOtherNetworks: z.boolean().default(false),
    /** Traffic to the service must pass a firewall or network virtual appliance (forced tunneling, inspection). */
    firewallInspection: z.boolean().default(false),
    monthlyBudgetUsd: z.number().finite().nonnegative().nullable().default(null),
    dataGbPerMonth: z.number().finite().nonnegative().default(0),
    /**
     * The part of dataGbPerMonth flowing into the endpoint and the part flowing out, where they are known:
     * Azure meters each direction on its own tiers. Either one alone leaves the rest to the other; neither
     * splits the total evenly (the cost lines say which).
     */
    dataGbInboundPerMonth: z.number().finite().nonnegative().optional(),
    dataGbOutboundPerMonth: z.number().finite().nonnegative().optional(),
    /** The service's tier, where it decides which options exist (undefined: not known yet). */
    tier: z.enum(SERVICE_TIERS).optional(),
    endpointCount: z.number().int().min(1).max(1000).default(1),
    protocols: z.array(z.enum(PROTOCOLS)).min(1).default(["tcp"]),
    title: z.string().max(200).default(""),
  })
  .refine((r) => r.target !== "cloud-service" || r.service !== undefined, {
    path: ["service"],
    message: "is required when target is cloud-service",
  })
  .superRefine(checkDirections);

/** Requirements after defaults are applied. */
export type Requirements = z.output<typeof RequirementsSchema>;
/** Requirements as a person or script may write them (defaults omitted). */
export type RequirementsInput = z.input<typeof RequirementsSchema>;

/**
 * A Requirements field's own schema without its default, nullable or optional wrapper: what a form or a
 * command reads the field as (yes/no, a number and its bounds, one of its values); undefined for no field.
 */
export function requirementFieldSchema(field: string): z.ZodType | undefined {
  let schema = (RequirementsSchema.shape as Record<string, z.ZodType | undefined>)[field];
  while (schema instanceof z.ZodDefault || schema instanceof z.ZodNullable || schema instanceof z.ZodOptional)
    schema = schema.unwrap() as z.ZodType;
  return schema;
}

/**
 * The inbound and outbound parts cannot exceed the total; given both, they are the total (a total of 0 is
 * taken as not given).
 */
function checkDirections(
  r: { dataGbPerMonth: number; dataGbInboundPerMonth?: number; dataGbOutboundPerMonth?: number },
  ctx: z.RefinementCtx,
): void {
  const { dataGbPerMonth: total, dataGbInboundPerMonth: inbound, dataGbOutboundPerMonth: outbound } = r;
  if (inbound !== undefined && outbound !== undefined) {
    if (total !== 0 && inbound + outbound !== total) {
      ctx.addIssue({
        code: "custom",
        path: ["dataGbPerMonth"],
        message: `is ${total}, but dataGbInboundPerMonth + dataGbOutboundPerMonth is ${inbound + outbound}; give the same total or leave dataGbPerMonth out`,
      });
    }
    return;
  }
  for (const [field, part] of [
    ["dataGbInboundPerMonth", inbound],
    ["dataGbOutboundPerMonth", outbound],
  ] as const) {
    if (part !== undefined && part > total) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: `is ${part}, more than dataGbPerMonth (${total}, inbound and outbound together)`,
      });
    }
  }
}
