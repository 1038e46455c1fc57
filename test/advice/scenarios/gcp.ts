import type { Scenario } from "./scenario.js";

// Private Google Access is a subnet setting with no charge. Private Service Connect and VPC Network Peering
// traffic are not in our price list: their cost shows as $0 with the pricing page linked.

const PGA = {
  title: "Private Google Access",
  url: "https://cloud.google.com/vpc/docs/private-google-access",
};
const PGA_ON_PREMISES = {
  title: "Private Google Access for on-premises hosts",
  url: "https://cloud.google.com/vpc/docs/configure-private-google-access-hybrid",
};
const PSC_GOOGLE_APIS = {
  title: "About accessing Google APIs through endpoints",
  url: "https://cloud.google.com/vpc/docs/about-accessing-google-apis-endpoints",
};
const VPC_PEERING = {
  title: "VPC Network Peering",
  url: "https://cloud.google.com/vpc/docs/vpc-peering",
};
const CLOUD_SQL_PSC = {
  title: "Connect to an instance using Private Service Connect (Cloud SQL)",
  url: "https://cloud.google.com/sql/docs/mysql/configure-private-service-connect",
};

const gcp = (service: string, extra: Record<string, unknown> = {}) => ({
  cloud: "gcp",
  target: "cloud-service",
  service,
  ...extra,
});

export const GCP_SCENARIOS: Scenario[] = [
  {
    question: "VMs without external IPs must read Cloud Storage buckets. What is the cheapest private path?",
    requirements: gcp("gcp-cloud-storage", { dataGbPerMonth: 10000 }),
    expect: {
      option: "gcp-private-google-access",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-service-connect": true },
      says: [/--enable-private-ip-google-access/],
    },
    doc: PGA,
  },
  {
    question:
      "Dataflow workers with internal IPs only query BigQuery: Private Google Access or Private Service Connect?",
    requirements: gcp("gcp-bigquery"),
    expect: { option: "gcp-private-google-access", fits: true, monthlyCostUsd: 0 },
    doc: PGA,
  },
  {
    question:
      "On-premises ETL must write to Cloud Storage over Interconnect. Does Private Google Access work from on-premises?",
    requirements: gcp("gcp-cloud-storage", { onPremisesAccess: true }),
    expect: {
      option: "gcp-private-service-connect",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-google-access": true },
    },
    doc: PGA_ON_PREMISES,
  },
  {
    question: "BigQuery from the data centre over Cloud VPN: which private options fit?",
    requirements: gcp("gcp-bigquery", { onPremisesAccess: true }),
    expect: {
      option: "gcp-private-service-connect",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-google-access": true },
    },
    doc: PGA_ON_PREMISES,
  },
  {
    question:
      "We can't change DNS in the VPC; VMs just need BigQuery without external IPs. Does that block us?",
    requirements: gcp("gcp-bigquery", { dns: "cannot-change" }),
    expect: { option: "gcp-private-google-access", fits: true, monthlyCostUsd: 0 },
    doc: PGA,
  },
  {
    question: "Training jobs on private VMs call Vertex AI: how do they reach the API privately?",
    requirements: gcp("gcp-vertex-ai"),
    expect: {
      option: "gcp-private-google-access",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-service-connect": true },
    },
    doc: {
      title: "About accessing the Vertex AI API",
      url: "https://cloud.google.com/vertex-ai/docs/general/googleapi-access-methods",
    },
  },
  {
    question: "Private GKE nodes pull images from Artifact Registry: what do they need, and what about DNS?",
    requirements: gcp("gcp-artifact-registry"),
    expect: { option: "gcp-private-google-access", fits: true, monthlyCostUsd: 0, says: [/pkg\.dev/] },
    doc: {
      title: "Configure restricted access for GKE private clusters (Artifact Registry)",
      url: "https://cloud.google.com/artifact-registry/docs/gke-private-clusters",
    },
  },
  {
    question: "Publishers on internal-only VMs send to Pub/Sub: which private option?",
    requirements: gcp("gcp-pubsub"),
    expect: { option: "gcp-private-google-access", fits: true, monthlyCostUsd: 0 },
    doc: PGA,
  },
  {
    question: "Apps on VMs without external IPs read secrets from Secret Manager: which private option?",
    requirements: gcp("gcp-secret-manager"),
    expect: { option: "gcp-private-google-access", fits: true, monthlyCostUsd: 0 },
    doc: PGA,
  },
  {
    question: "Secret Manager from the data centre over Interconnect: which options fit?",
    requirements: gcp("gcp-secret-manager", { onPremisesAccess: true }),
    expect: {
      option: "gcp-private-service-connect",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-google-access": true },
    },
    doc: PSC_GOOGLE_APIS,
  },
  {
    question:
      "Our app VMs connect to a Cloud SQL instance. Does turning on Private Google Access give them a private path to the database?",
    requirements: gcp("gcp-cloud-sql"),
    expect: {
      option: "gcp-private-service-connect",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-google-access": false },
    },
    doc: CLOUD_SQL_PSC,
  },
  {
    question:
      "Cloud SQL must be reachable from several VPCs in other projects and from on-premises. Which private option?",
    requirements: gcp("gcp-cloud-sql", { onPremisesAccess: true, crossTenant: true }),
    expect: {
      option: "gcp-private-service-connect",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "gcp-private-google-access": false },
    },
    doc: CLOUD_SQL_PSC,
  },
  {
    question: "We publish an internal service to consumers' VPCs in other organisations. What do we set up?",
    requirements: { cloud: "gcp", target: "own-service", crossTenant: true },
    expect: {
      option: "gcp-private-service-connect",
      fits: true,
      monthlyCostUsd: 0,
      says: [/service-attachments create/],
    },
    doc: {
      title: "About published services (Private Service Connect)",
      url: "https://cloud.google.com/vpc/docs/private-service-connect#published-services",
    },
  },
  {
    question: "Our consumers' subnets overlap the producer VPC's ranges. Can they still reach our service?",
    requirements: { cloud: "gcp", target: "own-service", overlappingAddressSpaces: true },
    expect: { option: "gcp-private-service-connect", fits: true, monthlyCostUsd: 0 },
    doc: {
      title: "Private Service Connect",
      url: "https://cloud.google.com/vpc/docs/private-service-connect",
    },
  },
  {
    question:
      "Two VPC networks in different projects must exchange traffic on internal IPs. VPC Network Peering?",
    requirements: { cloud: "gcp", target: "virtual-network" },
    expect: { option: "gcp-vpc-peering", fits: true, monthlyCostUsd: 0 },
    doc: VPC_PEERING,
  },
  {
    question: "VPC A must reach VPC C through its peering with VPC B. Does VPC Network Peering carry that?",
    requirements: { cloud: "gcp", target: "virtual-network", transitiveRouting: true },
    expect: {
      option: "gcp-private-service-connect",
      fits: false,
      monthlyCostUsd: 0,
      alternatives: { "gcp-vpc-peering": false },
    },
    doc: VPC_PEERING,
  },
  {
    question: "Two VPC networks with overlapping subnet ranges must be connected. Can we peer them?",
    requirements: { cloud: "gcp", target: "virtual-network", overlappingAddressSpaces: true },
    expect: {
      option: "gcp-private-service-connect",
      fits: false,
      monthlyCostUsd: 0,
      alternatives: { "gcp-vpc-peering": false },
    },
    doc: VPC_PEERING,
  },
];
