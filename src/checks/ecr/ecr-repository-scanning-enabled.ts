import type { RegistryScanRule } from '../../services/ecr/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** ECR repository filters are names with `*` wildcards. */
function matches(filter: string, name: string): boolean {
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

function scanningRule(rules: readonly RegistryScanRule[], name: string): RegistryScanRule | undefined {
  return rules.find((rule) => rule.frequency !== 'MANUAL' && rule.filters.some((filter) => matches(filter, name)));
}

export default defineCheck({
  id: 'ecr-repository-scanning-enabled',
  aliases: ['ECR.1', 'AVD-AWS-0030'],
  service: 'ecr',
  resource: 'ecr-repository',
  severity: 'high',
  title: 'ECR repository images are scanned for vulnerabilities (scan on push or enhanced scanning)',
  description:
    "Images pushed to a private ECR repository should be scanned for known vulnerabilities before they run. With basic scanning, the repository's scan-on-push setting or a registry rule with SCAN_ON_PUSH whose filter matches the repository turns it on; with enhanced scanning (Amazon Inspector), only the registry rules count (SCAN_ON_PUSH or CONTINUOUS_SCAN). Seed 004 enables it for every repository.",
  remediation: {
    terraform: `resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}
# basic scanning only: image_scanning_configuration { scan_on_push = true } on each aws_ecr_repository`,
    cli: `aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules '[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]' --region REGION
# or, per repository (basic): aws ecr put-image-scanning-configuration --repository-name NAME --image-scanning-configuration scanOnPush=true --region REGION`,
    console:
      'Amazon ECR console (in the region) > Private registry > Settings > Scanning > Enhanced scanning (or Basic with "Scan on push") > add a filter "*" > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1',
  ],
  needs: ['ecr:GetRegistryScanningConfiguration'],
  triggers: ['PutRegistryScanningConfiguration', 'PutImageScanningConfiguration', 'CreateRepository'],
  evaluate(repository, { state }) {
    const registry = known(state.ecr.registryScanning[repository.region]!) ?? { scanType: 'BASIC', rules: [] };
    const rule = scanningRule(registry.rules, repository.name);
    if (rule)
      return pass(
        `${repository.name} is scanned by the registry's ${registry.scanType} rule (${rule.frequency}, filter ${rule.filters.join(', ')})`,
      );
    if (registry.scanType === 'ENHANCED') {
      return fail(
        `the registry uses enhanced scanning but no rule's filter matches ${repository.name}: its images are not scanned`,
      );
    }
    if (repository.scanOnPush) return pass(`${repository.name} scans images on push (basic scanning)`);
    return fail(`${repository.name} does not scan images on push and no registry scanning rule matches it`);
  },
});
