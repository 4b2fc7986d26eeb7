import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { daysBetween } from '../iam/credential-age.ts';
import { known } from '../read.ts';

/** The control's default `daysToExpiration`. */
const MIN_DAYS = 30;

/** Statuses of a certificate that was never issued or can no longer be used: it has no expiry to watch. */
const NOT_IN_SERVICE = new Set(['PENDING_VALIDATION', 'VALIDATION_TIMED_OUT', 'FAILED', 'REVOKED']);

export default defineCheck({
  id: 'acm-certificate-not-expiring',
  aliases: ['ACM.1', 'acm_certificates_expiration_check'],
  service: 'acm',
  resource: 'acm-certificate',
  severity: 'medium',
  title: 'ACM certificates are not expired or expiring within 30 days',
  description:
    'An expired certificate breaks HTTPS for every load balancer, CloudFront distribution or API that serves it. ACM renews the certificates it issued about 60 days before they expire, when their domain validation still works; imported certificates are never renewed. The check reads `NotAfter` from DescribeCertificate and fails when it is 30 days or less after the scan (or already past). Certificates that were never issued (pending or failed validation) or were revoked pass: they have nothing to expire. Security Hub ACM.1.',
  remediation: {
    terraform: `resource "aws_acm_certificate" "this" {
  domain_name       = "example.com"
  validation_method = "DNS" # keeps automatic renewal working, unlike EMAIL
  lifecycle {
    create_before_destroy = true
  }
}
# imported certificates (private_key + certificate_body): re-import the renewed certificate before NotAfter`,
    cli: '# imported certificate: re-import the renewed one under the same ARN\naws acm import-certificate --certificate-arn CERTIFICATE_ARN --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem --region REGION\n# ACM-issued: see why renewal is stuck\naws acm describe-certificate --certificate-arn CERTIFICATE_ARN --query Certificate.RenewalSummary --region REGION',
    console:
      'Certificate Manager console (in the region) > List certificates > CERTIFICATE: for an imported one, Reimport certificate; for an ACM-issued one, check Domains > the validation CNAME records still exist (Renewal status).',
  },
  references: [
    'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html#acm-1',
  ],
  needs: ['acm:DescribeCertificate'],
  triggers: ['RequestCertificate', 'ImportCertificate', 'RenewCertificate', 'DeleteCertificate'],
  evaluate(certificate, { state }) {
    const details = known(certificate.details);
    if (details?.notAfter === undefined) {
      if (details?.status !== undefined && NOT_IN_SERVICE.has(details.status))
        return pass(`${certificate.name} is ${details.status}: never issued or revoked, nothing to expire`);
      return inconclusive(
        `${certificate.name} has no NotAfter in DescribeCertificate (status ${details?.status ?? 'not given'})`,
        'ACM did not say when the certificate expires',
      );
    }
    const left = daysBetween(state.collectedAt, details.notAfter);
    if (left < 0) return fail(`${certificate.name} expired ${-left} day(s) ago (${details.notAfter})`);
    if (left <= MIN_DAYS)
      return fail(
        `${certificate.name} expires in ${left} day(s) (${details.notAfter})${details.type === 'IMPORTED' ? ': imported certificates are not renewed by ACM' : ''}`,
      );
    return pass(`${certificate.name} expires in ${left} day(s) (${details.notAfter})`);
  },
});
