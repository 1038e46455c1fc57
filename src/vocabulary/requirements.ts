import { z } from "zod";
import { CLOUDS } from "./options.js";

export const TARGETS = ["cloud-service", "own-service", "virtual-network"] as const;
export const DNS_SETUPS = ["azure-private-dns", "custom-forwarding", "cannot-change"] as const;
export const PROTOCOLS = ["tcp", "udp", "icmp"] as const;

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
    monthlyBudgetUsd: z.number().finite().nonnegative().nullable().default(null),
    dataGbPerMonth: z.number().finite().nonnegative().default(0),
    endpointCount: z.number().int().min(1).max(1000).default(1),
    protocols: z.array(z.enum(PROTOCOLS)).min(1).default(["tcp"]),
    title: z.string().max(200).default(""),
  })
  .refine((r) => r.target !== "cloud-service" || r.service !== undefined, {
    path: ["service"],
    message: "is required when target is cloud-service",
  });

/** Requirements after defaults are applied. */
export type Requirements = z.output<typeof RequirementsSchema>;
/** Requirements as a person or script may write them (defaults omitted). */
export type RequirementsInput = z.input<typeof RequirementsSchema>;
