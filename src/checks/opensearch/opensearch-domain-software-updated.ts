import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'opensearch-domain-software-updated',
  aliases: ['Opensearch.10', 'opensearch_service_domains_updated_to_the_latest_service_software_version'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains have the latest service software update installed',
  description:
    'Service software updates carry the security fixes of OpenSearch and its plugins; a domain with an update waiting runs known-vulnerable software until someone installs it. The check reads `ServiceSoftwareOptions` from DescribeDomain and fails when `UpdateAvailable` is true. Security Hub Opensearch.10.',
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  # let the service install updates in an off-peak window instead of waiting for someone
  software_update_options {
    auto_software_update_enabled = true
  }
  off_peak_window_options {
    enabled = true
  }
}`,
    cli: 'aws opensearch start-service-software-update --domain-name DOMAIN --schedule-at NOW --region REGION',
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Actions > Update > Apply update now (or schedule it in the off-peak window).',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/service-software.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-10',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig', 'StartServiceSoftwareUpdate', 'CancelServiceSoftwareUpdate'],
  evaluate(domain) {
    const software = known(domain.config)?.software ?? { updateAvailable: false };
    const running = software.current ?? 'an unreported version';
    if (!software.updateAvailable)
      return pass(`${domain.name} runs ${running}, with no service software update waiting`);
    return fail(
      `${domain.name} runs ${running} and service software update ${software.next ?? '(version not reported)'} is available${software.updateStatus ? ` (status ${software.updateStatus})` : ''}`,
    );
  },
});
