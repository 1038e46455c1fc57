import type { Scenario } from "./scenario.js";

// Prices (AWS PrivateLink pricing): an interface endpoint is $0.01 per hour in each Availability Zone
// (730 h: $7.30 per AZ; endpointCount counts AZs); data processed $0.01/GB for the first 1 PB, $0.006/GB for
// the next 4 PB, $0.004/GB beyond 5 PB, both directions together on one ladder for the whole Region
// (1 PB = 1,048,576 GB). Gateway endpoints are free. Transit Gateway (US East example): $0.05 per
// attachment-hour and $0.02 per GB processed.

const GATEWAY_ENDPOINTS = {
  title: "Gateway endpoints - Amazon Virtual Private Cloud",
  url: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
};
const S3_INTERFACE = {
  title: "AWS PrivateLink for Amazon S3",
  url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html",
};
const DYNAMODB_INTERFACE = {
  title: "AWS PrivateLink for DynamoDB",
  url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/privatelink-interface-endpoints.html",
};
const PRIVATELINK_SERVICES = {
  title: "AWS services that integrate with AWS PrivateLink",
  url: "https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html",
};
const PRIVATELINK_PRICING = {
  title: "AWS PrivateLink pricing",
  url: "https://aws.amazon.com/privatelink/pricing/",
};
const VPC_PEERING = {
  title: "What is VPC peering?",
  url: "https://docs.aws.amazon.com/vpc/latest/peering/what-is-vpc-peering.html",
};

const aws = (service: string, extra: Record<string, unknown> = {}) => ({
  cloud: "aws",
  target: "cloud-service",
  service,
  ...extra,
});

export const AWS_SCENARIOS: Scenario[] = [
  // — S3 and DynamoDB: gateway unless something rules it out —
  {
    question:
      "EC2 instances in private subnets read S3 buckets in the same Region, 50 TB a month. Gateway or interface endpoint?",
    requirements: aws("aws-s3", { dataGbPerMonth: 51200 }),
    expect: {
      option: "aws-gateway-endpoint",
      fits: true,
      monthlyCostUsd: 0,
      alternatives: { "aws-interface-endpoint": true },
      says: [/--vpc-endpoint-type Gateway/],
    },
    doc: GATEWAY_ENDPOINTS,
  },
  {
    question: "Lambda functions in our VPC write to DynamoDB in the same Region: which endpoint?",
    requirements: aws("aws-dynamodb"),
    expect: { option: "aws-gateway-endpoint", fits: true, monthlyCostUsd: 0 },
    doc: GATEWAY_ENDPOINTS,
  },
  {
    // 730 h × $0.01 = $7.30; 1,000 GB × $0.01 = $10; total $17.30.
    question:
      "The data centre uploads 1 TB a month to S3 over Direct Connect. Can the gateway endpoint carry it?",
    requirements: aws("aws-s3", { onPremisesAccess: true, dataGbPerMonth: 1000 }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 17.3,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: S3_INTERFACE,
  },
  {
    question: "On-premises services must reach DynamoDB over a site-to-site VPN: which endpoint?",
    requirements: aws("aws-dynamodb", { onPremisesAccess: true }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: DYNAMODB_INTERFACE,
  },
  {
    question:
      "Workloads in a peered VPC must use the S3 endpoint in our shared-services VPC. Does the gateway endpoint extend to them?",
    requirements: aws("aws-s3", { transitiveRouting: true }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: GATEWAY_ENDPOINTS,
  },
  {
    question:
      "Instances in eu-west-1 need a bucket in us-east-1 privately. Does an S3 gateway endpoint cross Regions?",
    requirements: aws("aws-s3", { crossRegion: true }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: GATEWAY_ENDPOINTS,
  },
  {
    question:
      "Only our own buckets may be reachable from the VPC (exfiltration). Can the free gateway endpoint enforce that?",
    requirements: aws("aws-s3", { exfiltrationProtection: true }),
    expect: { option: "aws-gateway-endpoint", fits: true, monthlyCostUsd: 0 },
    doc: {
      title: "Control access to VPC endpoints using endpoint policies",
      url: "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
    },
  },
  {
    question: "Data-centre uploads to S3 with a budget of zero: can we stay free?",
    requirements: aws("aws-s3", { onPremisesAccess: true, monthlyBudgetUsd: 0 }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      withinBudget: false,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: GATEWAY_ENDPOINTS,
  },
  {
    // Three AZs: 3 × 730 h × $0.01 = $21.90; 200 GB × $0.01 = $2; total $23.90.
    question: "An S3 interface endpoint in three AZs for on-premises clients, 200 GB a month: cost?",
    requirements: aws("aws-s3", { onPremisesAccess: true, endpointCount: 3, dataGbPerMonth: 200 }),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 23.9 },
    doc: PRIVATELINK_PRICING,
  },

  {
    question:
      "The data centre must reach S3 privately, but we cannot add DNS records on-premises. Does the interface endpoint still work?",
    requirements: aws("aws-s3", { onPremisesAccess: true, dns: "cannot-change" }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: S3_INTERFACE,
  },
  {
    question:
      "An app in us-west-2 writes to a DynamoDB table in us-east-1. Can the DynamoDB gateway endpoint serve it?",
    requirements: aws("aws-dynamodb", { crossRegion: true }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
    },
    doc: GATEWAY_ENDPOINTS,
  },

  // — Interface-only services —
  {
    question: "Workers in private subnets poll SQS: which endpoint, and what does one AZ cost?",
    requirements: aws("aws-sqs"),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
      says: [/com\.amazonaws\.<region>\.sqs/],
    },
    doc: PRIVATELINK_SERVICES,
  },
  {
    // The inbound endpoint's charge (per IP address and per query) is not in our price list: the $7.30 is
    // the interface endpoint alone, and a budget cannot be confirmed.
    question:
      "Servers in our data centre call SQS by its usual name over Direct Connect: what does the DNS need, and what does it cost?",
    requirements: aws("aws-sqs", {
      onPremisesAccess: true,
      onPremisesDnsResolution: true,
      monthlyBudgetUsd: 50,
    }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      withinBudget: null,
      says: [/Route 53 Resolver inbound endpoint/, /create-resolver-endpoint --direction INBOUND/],
    },
    doc: {
      title: "Resolving DNS queries between VPCs and your network - Amazon Route 53",
      url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-DSN-queries-to-vpc.html",
    },
  },
  {
    // 3 AZs × 730 h × $0.01 = $21.90.
    question: "Secrets Manager from ECS tasks spread over three AZs: how much for the endpoint?",
    requirements: aws("aws-secrets-manager", { endpointCount: 3 }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 21.9,
      says: [/com\.amazonaws\.<region>\.secretsmanager/],
    },
    doc: PRIVATELINK_PRICING,
  },
  {
    // 2 AZs × $7.30 = $14.60; 500 GB × $0.01 = $5; total $19.60.
    question: "KMS calls from two AZs, about 500 GB a month: interface endpoint cost?",
    requirements: aws("aws-kms", { endpointCount: 2, dataGbPerMonth: 500 }),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 19.6 },
    doc: PRIVATELINK_PRICING,
  },
  {
    question: "EKS nodes without internet pull images from ECR. Which endpoints, and what about the layers?",
    requirements: aws("aws-ecr"),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/ecr\.api/, /S3/],
    },
    doc: {
      title: "Amazon ECR interface VPC endpoints (AWS PrivateLink)",
      url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html",
    },
  },
  {
    // Three endpoints (ssm, ssmmessages, ec2messages) in one AZ: 3 × $7.30 = $21.90.
    question: "Session Manager for instances with no internet access: which endpoints, and what cost?",
    requirements: aws("aws-ssm", { endpointCount: 3 }),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 21.9,
      says: [/com\.amazonaws\.<region>\.ssm/],
    },
    doc: {
      title: "Improve the security of EC2 instances by using VPC endpoints for Systems Manager",
      url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html",
    },
  },
  {
    question: "Instances assume roles through STS without a NAT gateway: which endpoint?",
    requirements: aws("aws-sts"),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/\.sts /] },
    doc: PRIVATELINK_SERVICES,
  },
  {
    question: "The CloudWatch agent ships logs from private subnets: which endpoint?",
    requirements: aws("aws-cloudwatch-logs"),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/\.logs /] },
    doc: PRIVATELINK_SERVICES,
  },
  {
    question: "Our VPC invokes Lambda functions through the Lambda API privately: which endpoint?",
    requirements: aws("aws-lambda"),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/\.lambda /] },
    doc: {
      title: "Connecting inbound interface VPC endpoints for Lambda",
      url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-endpoints.html",
    },
  },
  {
    question: "A private REST API in API Gateway must be called from on-premises clients: which endpoint?",
    requirements: aws("aws-api-gateway-private", { onPremisesAccess: true }),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 7.3, says: [/execute-api/] },
    doc: PRIVATELINK_SERVICES,
  },
  {
    question:
      "Our apps call Amazon Bedrock models from private subnets. Which interface endpoint carries InvokeModel?",
    requirements: aws("aws-bedrock"),
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-gateway-endpoint": false },
      says: [/com\.amazonaws\.<region>\.bedrock-runtime/],
    },
    doc: {
      title:
        "Use interface VPC endpoints (AWS PrivateLink) to create a private connection between your VPC and Amazon Bedrock",
      url: "https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html",
    },
  },
  {
    // 2 PB = 2,097,152 GB on one ladder: 1,048,576 × $0.01 = $10,485.76; 1,048,576 × $0.006 = $6,291.456;
    // + $7.30 → $16,784.516.
    question:
      "Batch inference through Bedrock moves 2 PB a month through its interface endpoint: what does PrivateLink charge?",
    requirements: aws("aws-bedrock", { dataGbPerMonth: 2097152 }),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 16784.52 },
    doc: PRIVATELINK_PRICING,
  },
  {
    // 6 PB = 6,291,456 GB: $10,485.76 + 4,194,304 × $0.006 = $25,165.824 + 1,048,576 × $0.004 = $4,194.304
    // → $39,845.888; + $7.30 → $39,853.188.
    question:
      "At 6 PB a month through SQS endpoints in one Region, past the last tier, what is the PrivateLink bill?",
    requirements: aws("aws-sqs", { dataGbPerMonth: 6291456 }),
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 39853.19 },
    doc: PRIVATELINK_PRICING,
  },

  // — Our own service, and VPC to VPC —
  {
    question:
      "We expose our internal service behind a Network Load Balancer to other accounts' VPCs. What do the consumers use?",
    requirements: { cloud: "aws", target: "own-service" },
    expect: {
      option: "aws-interface-endpoint",
      fits: true,
      monthlyCostUsd: 7.3,
      says: [/create-vpc-endpoint-service-configuration/],
    },
    doc: {
      title: "Share your services through AWS PrivateLink",
      url: "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html",
    },
  },
  {
    question:
      "Customers whose CIDRs overlap ours, in their own accounts, must consume our service. Does PrivateLink cope?",
    requirements: { cloud: "aws", target: "own-service", overlappingAddressSpaces: true, crossTenant: true },
    expect: { option: "aws-interface-endpoint", fits: true, monthlyCostUsd: 7.3 },
    doc: {
      title: "Share your services through AWS PrivateLink",
      url: "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html",
    },
  },
  {
    question: "Two VPCs in one Region must talk to each other, 1 TB a month. VPC peering?",
    requirements: { cloud: "aws", target: "virtual-network", dataGbPerMonth: 1000 },
    expect: { option: "aws-vpc-peering", fits: true, monthlyCostUsd: 0 },
    doc: VPC_PEERING,
  },
  {
    // 3 attachments × 730 h × $0.05 = $109.50; 1,000 GB × $0.02 = $20; total $129.50.
    question: "VPC A must reach VPC C through VPC B (A → B → C), three VPCs, 1 TB a month. Peering, or what?",
    requirements: {
      cloud: "aws",
      target: "virtual-network",
      transitiveRouting: true,
      endpointCount: 3,
      dataGbPerMonth: 1000,
    },
    expect: {
      option: "aws-transit-gateway",
      fits: true,
      monthlyCostUsd: 129.5,
      alternatives: { "aws-vpc-peering": false },
    },
    doc: { title: "AWS Transit Gateway pricing", url: "https://aws.amazon.com/transit-gateway/pricing/" },
  },
  {
    question: "Two VPCs both use 10.0.0.0/16. Can we peer them?",
    requirements: { cloud: "aws", target: "virtual-network", overlappingAddressSpaces: true },
    expect: {
      option: "aws-interface-endpoint",
      fits: false,
      monthlyCostUsd: 7.3,
      alternatives: { "aws-vpc-peering": false },
    },
    doc: {
      title: "VPC peering limitations",
      url: "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html",
    },
  },
];
