import { CLOUDS } from "./options.js";
import { APP_TRAFFIC_DIRECTIONS, DNS_SETUPS, TARGETS } from "./requirements.js";

const BOOLEAN = ["true", "false"] as const;
/** Whether the catalog offers an option for the service: yes, no, or only in another tier than the one chosen. */
const SUPPORT = ["true", "false", "needs-tier"] as const;

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
  appTrafficDirection: APP_TRAFFIC_DIRECTIONS,
  clientsInOtherNetworks: BOOLEAN,
  firewallInspection: BOOLEAN,
  /**
   * A need only a private IP meets holds: on-premises reach, public access off, one resource only, traffic
   * through a firewall, or a service endpoint that does not reach the service's region.
   */
  privateIpNeeded: BOOLEAN,
  /** ICMP (ping) is among the protocols. */
  icmpRequired: BOOLEAN,
  /** The requirements set a monthly budget. */
  budgetSet: BOOLEAN,
  /** The catalog lists a generally available service endpoint the vendor does not advise against. */
  serviceSupportsServiceEndpoint: SUPPORT,
  serviceSupportsPrivateEndpoint: SUPPORT,
  /** The service's service endpoint reaches it from the VNets concerned (false: cross-region to a same-region-only service). */
  serviceEndpointCoversRegions: BOOLEAN,
  /** Across regions the service endpoint takes another service tag than in one region (Azure Storage). */
  serviceEndpointTagChangesAcrossRegions: BOOLEAN,
  /** AWS: the service is one of the gateway endpoint services (S3, DynamoDB). */
  awsGatewayEndpointService: BOOLEAN,
  serviceSupportsInterfaceEndpoint: BOOLEAN,
  serviceSupportsPrivateServiceConnect: BOOLEAN,
  serviceSupportsPrivateGoogleAccess: BOOLEAN,
  /** App Service / Functions: the app can send its outbound calls into a VNet. */
  serviceSupportsVnetIntegration: BOOLEAN,
} as const satisfies Record<string, readonly string[]>;

export type FactName = keyof typeof FACT_VALUES;
export type Facts = Record<FactName, string>;

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACT_VALUES, name);
}
