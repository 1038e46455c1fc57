import { z } from "zod";
import { CLOUDS, OPTION_IDS, SERVICE_TIERS } from "../vocabulary/index.js";

/**
 * Shapes of the knowledge files in data/. Every figure and rule carries the source that justifies it: a
 * public page a reader can open, by title and link.
 */
export const SourceSchema = z.strictObject({
  title: z.string().min(3),
  url: z.url({ protocol: /^https$/, hostname: z.regexes.domain }),
});
/** A public page a reader can open: shown as its title with the link. */
export type Source = z.infer<typeof SourceSchema>;

/**
 * A source as decisions stored before the sources had titles hold it: a bare link, or a source document's
 * file name. The knowledge files accept only titled pages; renderers show a bare link as it is and never
 * show a file name (it is provenance, not a page anyone can open).
 */
export type SourceRef = Source | string;
const source = SourceSchema;
export const VersionSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(\.\d+)?$/, "must look like 2026-11-24 or 2026-11-24.2");
export const OptionIdSchema = z.enum(OPTION_IDS);

export const SourcedTextSchema = z.strictObject({ text: z.string().min(1), source });
export type SourcedText = z.infer<typeof SourcedTextSchema>;

/**
 * How far the vendor stands behind an option for a service: generally available, in preview, or
 * documented but advised against (the vendor recommends another option). The advice never recommends an
 * option that is not generally available or is advised against; `statusNote` says why, with its source.
 */
export const SUPPORT_STATUSES = ["generally-available", "preview", "not-recommended"] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** How one service supports one option, with the details the next steps and caveats need. */
export const OptionSupportSchema = z.strictObject({
  supported: z.boolean(),
  source,
  /** Azure service tag for service endpoints, e.g. Microsoft.Storage. */
  serviceTag: z.string().optional(),
  /**
   * The service endpoint's tag when the VNets are in other regions than the service, where it differs
   * (Azure Storage: Microsoft.Storage.Global, which cannot share a subnet with Microsoft.Storage).
   */
  crossRegionServiceTag: z.string().optional(),
  /** The az CLI command group that manages the resource, e.g. webapp, functionapp. */
  cliGroup: z
    .string()
    .regex(/^[a-z][a-z-]*$/)
    .optional(),
  /** Private Link sub-resource (groupId), e.g. blob, sqlServer, vault. */
  groupId: z.string().optional(),
  /** Private DNS zones the private endpoint needs, e.g. privatelink.blob.core.windows.net. */
  dnsZones: z.array(z.string()).optional(),
  /** AWS/GCP service name used by the endpoint, e.g. com.amazonaws.<region>.s3. */
  endpointServiceName: z.string().optional(),
  /** Further sub-resources a full setup needs (Synapse: SqlOnDemand, Dev beside Sql). */
  additionalGroupIds: z.array(z.string().min(1)).optional(),
  /** Further endpoints a full setup needs (ECR: ecr.dkr beside ecr.api; SSM: ssmmessages, ec2messages). */
  additionalEndpointServiceNames: z.array(z.string().min(1)).optional(),
  /** The option only reaches the service from networks in the service's own region (Azure SQL service endpoints). */
  sameRegionOnly: z.boolean().optional(),
  status: z.enum(SUPPORT_STATUSES).default("generally-available"),
  /** Why the status is not "generally-available": the vendor's words, with their page. */
  statusNote: SourcedTextSchema.optional(),
  /** The service tiers the option needs (Service Bus private endpoints: premium), with the page saying so. */
  requiresTier: z
    .strictObject({ tiers: z.array(z.enum(SERVICE_TIERS)).min(1), text: z.string().min(1), source })
    .optional(),
  /**
   * The service's networking model this answer is about, where it has several that exclude each other
   * (PostgreSQL flexible server: public access with private endpoints, or VNet integration).
   */
  networkingModel: SourcedTextSchema.optional(),
  note: z.string().optional(),
});
export type OptionSupport = z.infer<typeof OptionSupportSchema>;

export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by dashes"),
  cloud: z.enum(CLOUDS),
  name: z.string().min(1),
  /** Only options whose support is documented; an option left out means "not known here". */
  support: z.partialRecord(OptionIdSchema, OptionSupportSchema),
  notes: z.array(SourcedTextSchema).default([]),
  /** The tiers the service is sold in, when an option depends on the tier (see requiresTier). */
  tiers: z.array(z.enum(SERVICE_TIERS)).optional(),
  /**
   * A service the vendor has retired: kept so that decisions about it still load, never offered for new
   * ones. `successor` is the catalog id to use instead.
   */
  retired: z.strictObject({ date: z.iso.date(), successor: z.string().min(1), source }).optional(),
});
export type Service = z.infer<typeof ServiceSchema>;

export const CatalogSchema = z.strictObject({
  version: VersionSchema,
  services: z.array(ServiceSchema).min(1),
});
export type Catalog = z.infer<typeof CatalogSchema>;

/**
 * One tier of a per-GB price: applies to the GB above the previous tier up to `upToGb` (null: no limit).
 * `unitPriceUsd` null: the tier exists but its figure is not in our sources (the advice says so).
 */
export const DATA_DIRECTIONS = ["inbound", "outbound", "all"] as const;
export type DataDirection = (typeof DATA_DIRECTIONS)[number];

export const PriceTierSchema = z.strictObject({
  upToGb: z.number().positive().nullable(),
  unitPriceUsd: z.number().nonnegative().nullable(),
  label: z.string().min(1),
});

/** Facts that must all hold (each its value, or one of its values) for an entry to apply; {} always applies. */
export const ConditionSchema = z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1)]));
export type Condition = z.infer<typeof ConditionSchema>;

/**
 * A price component applies to every answer of its option, or, with `when`, only where those facts hold
 * (a charge for something only some setups need, such as a DNS resolver for on-premises names).
 */
const when = ConditionSchema.optional();

export const PriceComponentSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("per-endpoint-hour"),
    item: z.string(),
    when,
    unitPriceUsd: z.number().nonnegative(),
    source,
  }),
  z.strictObject({
    kind: z.literal("per-gb-tiered"),
    item: z.string(),
    when,
    /**
     * Which of the requirements' data the meter counts: the inbound GB, the outbound GB, or all of it
     * (each direction metered on its own ladder of tiers, or both directions summed on one).
     */
    direction: z.enum(DATA_DIRECTIONS).default("all"),
    tiers: z.array(PriceTierSchema).min(1),
    source,
  }),
  z.strictObject({
    kind: z.literal("free"),
    item: z.string(),
    when,
    source,
  }),
  /** A charge that exists but whose figure is not in our sources: the advice links the pricing page instead. */
  z.strictObject({
    kind: z.literal("not-priced"),
    item: z.string(),
    when,
    pricingPage: z.url(),
    source,
  }),
]);
export type PriceComponent = z.infer<typeof PriceComponentSchema>;

export const OptionPricingSchema = z.strictObject({
  components: z.array(PriceComponentSchema).min(1),
  notes: z.array(SourcedTextSchema).default([]),
});
export type OptionPricing = z.infer<typeof OptionPricingSchema>;

export const PricingSchema = z.strictObject({
  version: VersionSchema,
  effectiveDate: z.iso.date(),
  currency: z.literal("USD"),
  hoursPerMonth: z.number().positive(),
  options: z.partialRecord(OptionIdSchema, OptionPricingSchema),
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
  version: VersionSchema,
  root: z.string().min(1),
  nodes: z.record(z.string().regex(/^[a-z0-9-]+$/), TreeNodeSchema),
});
export type DecisionTree = z.infer<typeof TreeSchema>;

/** Facts that must all hold (each fact equals the value, or one of the values) for a rule to apply. */

export const ConditionalTextSchema = z.strictObject({
  when: ConditionSchema.default({}),
  text: z.string().min(1),
  source,
});
export type ConditionalText = z.infer<typeof ConditionalTextSchema>;

/**
 * An implementation step. One naming {dnsZone} is given for each of the service's zones; where the first
 * zone's command creates something the others join (a private endpoint's DNS zone group holds up to five
 * zones), `furtherZones` is the command for every zone after the first.
 */
export const NextStepSchema = ConditionalTextSchema.extend({ furtherZones: z.string().min(1).optional() });
export type NextStep = z.infer<typeof NextStepSchema>;

/**
 * One option's profile: what it is for, when it cannot meet a requirement (constraints → "why not"),
 * its traps (caveats), what it offers that others may not (strengths → what a cheaper option gives up),
 * its general drawbacks, and the first implementation commands (with {placeholders} from the catalog).
 */
export const OptionProfileSchema = z.strictObject({
  cloud: z.enum(CLOUDS),
  title: z.string().min(1),
  constraints: z.array(ConditionalTextSchema),
  caveats: z.array(ConditionalTextSchema),
  strengths: z.array(z.strictObject({ key: z.string().min(1), text: z.string().min(1), source })),
  drawbacks: z.array(SourcedTextSchema),
  nextSteps: z.array(NextStepSchema).min(1),
});
export type OptionProfile = z.infer<typeof OptionProfileSchema>;

export const OptionProfilesSchema = z.strictObject({
  version: VersionSchema,
  options: z.record(OptionIdSchema, OptionProfileSchema),
});
export type OptionProfiles = z.infer<typeof OptionProfilesSchema>;
