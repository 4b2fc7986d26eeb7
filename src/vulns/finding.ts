/**
 * An Amazon Inspector (inspector2) finding, typed after the API reference's `Finding` data type.
 * Only the fields cloudwarden reads are typed; everything else rides along untouched so that the
 * JSON report keeps every field Inspector returned. Timestamps are `Date` once validated.
 */

export const FINDING_TYPES = ['PACKAGE_VULNERABILITY', 'NETWORK_REACHABILITY', 'CODE_VULNERABILITY'] as const;
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED'] as const;
export const FINDING_STATUSES = ['ACTIVE', 'SUPPRESSED', 'CLOSED'] as const;
export const FIX_AVAILABLE = ['YES', 'NO', 'PARTIAL'] as const;
export const EXPLOIT_AVAILABLE = ['YES', 'NO'] as const;
export const RESOURCE_TYPES = [
  'AWS_EC2_INSTANCE',
  'AWS_ECR_CONTAINER_IMAGE',
  'AWS_ECR_REPOSITORY',
  'AWS_LAMBDA_FUNCTION',
  'CODE_REPOSITORY',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];
export type InspectorSeverity = (typeof SEVERITIES)[number];

export interface CvssScore {
  baseScore?: number;
  scoringVector?: string;
  version?: string;
  source?: string;
}

export interface VulnerablePackage {
  name?: string;
  version?: string;
  epoch?: number;
  release?: string;
  arch?: string;
  packageManager?: string;
  filePath?: string;
  fixedInVersion?: string;
  remediation?: string;
  sourceLayerHash?: string;
  sourceLambdaLayerArn?: string;
}

export interface PackageVulnerabilityDetails {
  vulnerabilityId: string;
  source: string;
  vulnerablePackages?: VulnerablePackage[];
  cvss?: CvssScore[];
  relatedVulnerabilities?: string[];
  sourceUrl?: string;
  vendorSeverity?: string;
  vendorCreatedAt?: Date;
  vendorUpdatedAt?: Date;
  referenceUrls?: string[];
}

export interface NetworkReachabilityDetails {
  openPortRange?: { begin?: number; end?: number };
  protocol?: string;
  networkPath?: { steps?: { componentId?: string; componentType?: string; componentArn?: string }[] };
}

export interface CodeVulnerabilityDetails {
  filePath?: { fileName?: string; filePath?: string; startLine?: number; endLine?: number };
  detectorId?: string;
  detectorName?: string;
  detectorTags?: string[];
  cwes?: string[];
  referenceUrls?: string[];
  ruleId?: string;
  sourceLambdaLayerArn?: string;
}

export interface AwsEc2InstanceDetails {
  type?: string;
  imageId?: string;
  ipV4Addresses?: string[];
  ipV6Addresses?: string[];
  keyName?: string;
  iamInstanceProfileArn?: string;
  vpcId?: string;
  subnetId?: string;
  launchedAt?: Date;
  platform?: string;
}

export interface AwsEcrContainerImageDetails {
  repositoryName?: string;
  imageTags?: string[];
  pushedAt?: Date;
  author?: string;
  architecture?: string;
  imageHash?: string;
  registry?: string;
  platform?: string;
  lastInUseAt?: Date;
  inUseCount?: number;
}

export interface AwsLambdaFunctionDetails {
  functionName?: string;
  runtime?: string;
  codeSha256?: string;
  version?: string;
  executionRoleArn?: string;
  layers?: string[];
  vpcConfig?: { subnetIds?: string[]; securityGroupIds?: string[]; vpcId?: string };
  packageType?: string;
  architectures?: string[];
  lastModifiedAt?: Date;
}

export interface InspectorResource {
  type: string;
  id: string;
  partition?: string;
  region?: string;
  tags?: Record<string, string>;
  details?: {
    awsEc2Instance?: AwsEc2InstanceDetails;
    awsEcrContainerImage?: AwsEcrContainerImageDetails;
    awsLambdaFunction?: AwsLambdaFunctionDetails;
  };
}

export interface InspectorFinding {
  findingArn: string;
  awsAccountId: string;
  type: FindingType;
  description: string;
  title?: string;
  remediation?: { recommendation?: { text?: string; Url?: string } };
  severity: InspectorSeverity;
  firstObservedAt: Date;
  lastObservedAt: Date;
  updatedAt?: Date;
  status: string;
  resources: InspectorResource[];
  inspectorScore?: number;
  inspectorScoreDetails?: {
    adjustedCvss?: {
      score?: number;
      scoreSource?: string;
      cvssSource?: string;
      version?: string;
      scoringVector?: string;
    };
  };
  networkReachabilityDetails?: NetworkReachabilityDetails;
  packageVulnerabilityDetails?: PackageVulnerabilityDetails;
  codeVulnerabilityDetails?: CodeVulnerabilityDetails;
  fixAvailable?: string;
  exploitAvailable?: string;
  exploitabilityDetails?: { lastKnownExploitAt?: Date };
  epss?: { score?: number };
}

/** The resource a finding is about: Inspector findings name one resource (the API allows up to 10). */
export function primaryResource(finding: InspectorFinding): InspectorResource | undefined {
  return finding.resources[0];
}
