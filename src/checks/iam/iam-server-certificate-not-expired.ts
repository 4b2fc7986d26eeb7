import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { daysBetween } from './credential-age.ts';

export default defineCheck({
  id: 'iam-server-certificate-not-expired',
  aliases: ['IAM.26', 'AVD-AWS-0168', 'iam_no_expired_server_certificates_stored'],
  service: 'iam',
  resource: 'iam-server-certificate',
  severity: 'medium',
  title: 'No expired SSL/TLS certificate is stored in IAM',
  description:
    "IAM stores server certificates for load balancers and CloudFront in regions or setups ACM does not cover. An expired one left there can be attached to a listener by mistake, breaking HTTPS for clients and the site's credibility (CIS AWS 1.19 in v3.0, 1.18 in v5.0; Security Hub IAM.26). ListServerCertificates gives each certificate's Expiration; one that expired before the scan fails.",
  remediation: {
    terraform:
      '# Remove the aws_iam_server_certificate resource of the expired certificate (after moving listeners to a current one, ideally from ACM: aws_acm_certificate).',
    cli: 'aws iam list-server-certificates --query "ServerCertificateMetadataList[].[ServerCertificateName,Expiration]"\naws iam delete-server-certificate --server-certificate-name NAME',
    console:
      'IAM server certificates have no console page: use the CLI (see above). Check first that no load balancer listener or CloudFront distribution still uses the certificate.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-26',
  ],
  needs: ['iam:ListServerCertificates'],
  triggers: ['UploadServerCertificate', 'DeleteServerCertificate'],
  evaluate(certificate, { state }) {
    if (certificate.expiration === undefined)
      return inconclusive(
        `${certificate.name} has no Expiration in ListServerCertificates`,
        'IAM did not say when the certificate expires',
      );
    if (Date.parse(certificate.expiration) <= Date.parse(state.collectedAt))
      return fail(
        `${certificate.name} expired ${daysBetween(certificate.expiration, state.collectedAt)} day(s) ago (${certificate.expiration}): delete it`,
      );
    return pass(
      `${certificate.name} expires in ${daysBetween(state.collectedAt, certificate.expiration)} day(s) (${certificate.expiration})`,
    );
  },
});
