import { primaryResource, type InspectorFinding } from '../finding.ts';

/** The few fields people scan a vulnerability list by, shared by the table, Markdown and HTML formats. */
export interface DisplayRow {
  severity: string;
  fix: string;
  exploit: string;
  epss: string;
  type: string;
  vulnerability: string;
  resource: string;
  packages: string;
  title: string;
}

const TYPE_LABEL: Record<string, string> = {
  PACKAGE_VULNERABILITY: 'package',
  NETWORK_REACHABILITY: 'network',
  CODE_VULNERABILITY: 'code',
};

function packagesOf(finding: InspectorFinding): string {
  const pkgs = finding.packageVulnerabilityDetails?.vulnerablePackages ?? [];
  if (pkgs.length > 0) {
    return pkgs
      .map((p) => `${p.name ?? '?'} ${p.version ?? ''}${p.fixedInVersion ? ` -> ${p.fixedInVersion}` : ''}`.trim())
      .join(', ');
  }
  const port = finding.networkReachabilityDetails?.openPortRange;
  if (port?.begin !== undefined) {
    const protocol = finding.networkReachabilityDetails?.protocol ?? '';
    return `${protocol} ${port.begin === port.end ? port.begin : `${port.begin}-${port.end}`}`.trim();
  }
  const code = finding.codeVulnerabilityDetails?.filePath;
  return code?.filePath ? `${code.filePath}${code.startLine ? `:${code.startLine}` : ''}` : '';
}

export function displayRow(finding: InspectorFinding): DisplayRow {
  const resource = primaryResource(finding);
  const ecr = resource?.details?.awsEcrContainerImage;
  const lambda = resource?.details?.awsLambdaFunction;
  const name = ecr?.repositoryName
    ? `${ecr.repositoryName}${ecr.imageTags?.[0] ? `:${ecr.imageTags[0]}` : ''}`
    : (lambda?.functionName ?? resource?.id ?? '');
  return {
    severity: finding.severity,
    fix: finding.fixAvailable ?? '',
    exploit: finding.exploitAvailable ?? '',
    epss: finding.epss?.score === undefined ? '' : finding.epss.score.toFixed(5).replace(/0+$/, '').replace(/\.$/, ''),
    type: TYPE_LABEL[finding.type] ?? finding.type,
    vulnerability:
      finding.packageVulnerabilityDetails?.vulnerabilityId ?? finding.codeVulnerabilityDetails?.ruleId ?? '',
    resource: name,
    packages: packagesOf(finding),
    title: finding.title ?? finding.description,
  };
}

export const DISPLAY_HEADERS: Record<keyof DisplayRow, string> = {
  severity: 'Severity',
  fix: 'Fix',
  exploit: 'Exploit',
  epss: 'EPSS',
  type: 'Type',
  vulnerability: 'Vulnerability',
  resource: 'Resource',
  packages: 'Package / port / file',
  title: 'Title',
};
