import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** The latest TLS security policy OpenSearch offers (TLS 1.2 and 1.3, forward-secret ciphers only). */
const LATEST_POLICY = 'Policy-Min-TLS-1-2-PFS-2023-10';

export default defineCheck({
  id: 'opensearch-domain-tls-policy',
  aliases: ['Opensearch.8'],
  service: 'opensearch',
  resource: 'opensearch-domain',
  severity: 'medium',
  title: 'OpenSearch domains require HTTPS with the latest TLS security policy',
  description: `Older TLS security policies accept TLS 1.0 and 1.1 and ciphers without forward secrecy; without EnforceHTTPS the endpoint also answers plain HTTP. The check reads \`DomainEndpointOptions\` from DescribeDomain and fails unless \`EnforceHTTPS\` is true and \`TLSSecurityPolicy\` is \`${LATEST_POLICY}\`. Security Hub Opensearch.8.`,
  remediation: {
    terraform: `resource "aws_opensearch_domain" "this" {
  # ...
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "${LATEST_POLICY}"
  }
}`,
    cli: `aws opensearch update-domain-config --domain-name DOMAIN --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=${LATEST_POLICY} --region REGION`,
    console:
      'Amazon OpenSearch Service console (in the region) > Domains > DOMAIN > Actions > Edit security configuration > Require HTTPS for all traffic, TLS security policy: the latest > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8',
  ],
  needs: ['opensearch:DescribeDomain'],
  triggers: ['CreateDomain', 'UpdateDomainConfig'],
  evaluate(domain) {
    const config = known(domain.config);
    if (!config?.enforceHttps) return fail(`${domain.name} accepts plain HTTP (EnforceHTTPS off)`);
    if (config.tlsPolicy !== LATEST_POLICY)
      return fail(`${domain.name} uses the TLS policy ${config.tlsPolicy ?? '(none given)'}, not ${LATEST_POLICY}`);
    return pass(`${domain.name} requires HTTPS with ${LATEST_POLICY}`);
  },
});
