/** The connectivity options the advice can recommend. These ids are a public contract (DESIGN.md §1). */
export const OPTION_IDS = [
  "service-endpoint",
  "private-endpoint",
  "private-link-service",
  "vnet-peering",
  "global-vnet-peering",
  "aws-gateway-endpoint",
  "aws-interface-endpoint",
  "gcp-private-google-access",
  "gcp-private-service-connect",
  "hub-and-spoke",
  "virtual-wan",
  "vnet-integration",
  "aws-vpc-peering",
  "aws-transit-gateway",
  "gcp-vpc-peering",
] as const;

export type OptionId = (typeof OPTION_IDS)[number];

export const CLOUDS = ["azure", "aws", "gcp"] as const;
export type Cloud = (typeof CLOUDS)[number];
