import { CLOUDS } from "./options.js";
import { DNS_SETUPS, TARGETS } from "./requirements.js";

const BOOLEAN = ["true", "false"] as const;

/**
 * Every fact the decision tree and the option profiles may ask about, with its possible values.
 * The knowledge loader checks the data against this table, so a question can never meet a value it has no
 * branch for. Values are strings so that a branch's `when` compares without conversions.
 */
export const FACT_VALUES = {
  cloud: CLOUDS,
  target: TARGETS,
  dns: DNS_SETUPS,
  onPremisesAccess: BOOLEAN,
  disablePublicAccess: BOOLEAN,
  exfiltrationProtection: BOOLEAN,
  crossRegion: BOOLEAN,
  crossTenant: BOOLEAN,
  overlappingAddressSpaces: BOOLEAN,
  transitiveRouting: BOOLEAN,
  /** ICMP (ping) is among the protocols. */
  icmpRequired: BOOLEAN,
  /** The requirements set a monthly budget. */
  budgetSet: BOOLEAN,
  serviceSupportsServiceEndpoint: BOOLEAN,
  serviceSupportsPrivateEndpoint: BOOLEAN,
  /** The service's service endpoint reaches it from the VNets concerned (false: cross-region to a same-region-only service). */
  serviceEndpointCoversRegions: BOOLEAN,
  /** AWS: the service is one of the gateway endpoint services (S3, DynamoDB). */
  awsGatewayEndpointService: BOOLEAN,
  serviceSupportsInterfaceEndpoint: BOOLEAN,
  serviceSupportsPrivateServiceConnect: BOOLEAN,
  serviceSupportsPrivateGoogleAccess: BOOLEAN,
} as const satisfies Record<string, readonly string[]>;

export type FactName = keyof typeof FACT_VALUES;
export type Facts = Record<FactName, string>;

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACT_VALUES, name);
}
