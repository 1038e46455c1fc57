import { z } from "zod";
import { CLOUDS, OPTION_IDS } from "../advice/options.js";

/**
 * Shapes of the knowledge files in data/. Every figure and rule carries the source that justifies it:
 * a seed document's file name (e.g. "001_dc66bb4725c1f799.txt") or an official documentation page.
 */
const source = z.string().min(3);
const version = z.string().regex(/^\d{4}-\d{2}-\d{2}(\.\d+)?$/, "must look like 2026-11-24 or 2026-11-24.2");
export const OptionIdSchema = z.enum(OPTION_IDS);

export const SourcedTextSchema = z.strictObject({ text: z.string().min(1), source });
export type SourcedText = z.infer<typeof SourcedTextSchema>;

/** How one service supports one option, with the details the next steps and caveats need. */
export const OptionSupportSchema = z.strictObject({
  supported: z.boolean(),
  source,
  /** Azure service tag for service endpoints, e.g. Microsoft.Storage. */
  serviceTag: z.string().optional(),
  /** Private Link sub-resource (groupId), e.g. blob, sqlServer, vault. */
  groupId: z.string().optional(),
  /** Private DNS zones the private endpoint needs, e.g. privatelink.blob.core.windows.net. */
  dnsZones: z.array(z.string()).optional(),
  /** AWS/GCP service name used by the endpoint, e.g. com.amazonaws.<region>.s3. */
  endpointServiceName: z.string().optional(),
  note: z.string().optional(),
});
export type OptionSupport = z.infer<typeof OptionSupportSchema>;

export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by dashes"),
  cloud: z.enum(CLOUDS),
  name: z.string().min(1),
  support: z.partialRecord(OptionIdSchema, OptionSupportSchema),
  notes: z.array(SourcedTextSchema).default([]),
});
export type Service = z.infer<typeof ServiceSchema>;

export const CatalogSchema = z.strictObject({
  version,
  services: z.array(ServiceSchema).min(1),
});
export type Catalog = z.infer<typeof CatalogSchema>;

/** One tier of a per-GB price: applies to the GB above the previous tier up to `upToGb` (null: no limit). */
export const PriceTierSchema = z.strictObject({
  upToGb: z.number().positive().nullable(),
  unitPriceUsd: z.number().nonnegative(),
});

export const PriceComponentSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("per-endpoint-hour"),
    item: z.string(),
    unitPriceUsd: z.number().nonnegative(),
    source,
  }),
  z.strictObject({
    kind: z.literal("per-gb-tiered"),
    item: z.string(),
    tiers: z.array(PriceTierSchema).min(1),
    source,
  }),
  z.strictObject({
    kind: z.literal("free"),
    item: z.string(),
    source,
  }),
]);
export type PriceComponent = z.infer<typeof PriceComponentSchema>;

export const PricingSchema = z.strictObject({
  version,
  effectiveDate: z.iso.date(),
  currency: z.literal("USD"),
  hoursPerMonth: z.number().positive(),
  options: z.partialRecord(
    OptionIdSchema,
    z.strictObject({
      components: z.array(PriceComponentSchema).min(1),
      notes: z.array(SourcedTextSchema).default([]),
    }),
  ),
});
export type Pricing = z.infer<typeof PricingSchema>;

/** A branch of a question: taken when the asked fact equals `when` (or any value, for "*"). */
export const BranchSchema = z.strictObject({
  when: z.string().min(1),
  next: z.string().min(1),
  answer: z.string().min(1),
  reason: z.string().min(1),
  source,
});

export const TreeNodeSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("question"),
    question: z.string().min(1),
    /** A Requirements field, or a derived fact (see src/advice/facts.ts). */
    fact: z.string().min(1),
    branches: z.array(BranchSchema).min(1),
  }),
  z.strictObject({
    kind: z.literal("leaf"),
    option: OptionIdSchema,
    reason: z.string().min(1),
    source,
  }),
]);
export type TreeNode = z.infer<typeof TreeNodeSchema>;

export const TreeSchema = z.strictObject({
  version,
  root: z.string().min(1),
  nodes: z.record(z.string().regex(/^[a-z0-9-]+$/), TreeNodeSchema),
});
export type DecisionTree = z.infer<typeof TreeSchema>;
