import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { known } from '../read.ts';

const MIN_RSA_BITS = 2048;

export default defineCheck({
  id: 'acm-certificate-rsa-key-size',
  aliases: ['ACM.2', 'acm_certificates_with_secure_key_algorithms'],
  service: 'acm',
  resource: 'acm-certificate',
  severity: 'high',
  title: 'ACM certificates with RSA keys use at least 2,048 bits',
  description:
    'RSA keys shorter than 2,048 bits can be factored with affordable computing, which lets an attacker impersonate the site or decrypt recorded traffic. The check reads `KeyAlgorithm` from DescribeCertificate (`RSA-1024`, `RSA-2048`, …, `EC-prime256v1`, …) and fails an RSA key under 2,048 bits; elliptic-curve keys pass. ListCertificates is asked for every key type, since by default it lists only RSA-1024 and RSA-2048 certificates. Security Hub ACM.2.',
  remediation: {
    terraform: `resource "aws_acm_certificate" "this" {
  domain_name       = "example.com"
  validation_method = "DNS"
  key_algorithm     = "RSA_2048" # or EC_prime256v1
}`,
    cli: 'aws acm request-certificate --domain-name example.com --validation-method DNS --key-algorithm RSA_2048 --region REGION\n# then move its users to the new certificate and: aws acm delete-certificate --certificate-arn OLD_ARN --region REGION',
    console:
      'Certificate Manager console (in the region) > Request > a public certificate > Key algorithm: RSA 2048 or ECDSA > Request; move listeners and distributions to it, then delete the old certificate.',
  },
  references: [
    'https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html#acm-2',
  ],
  needs: ['acm:DescribeCertificate'],
  triggers: ['RequestCertificate', 'ImportCertificate', 'DeleteCertificate'],
  evaluate(certificate) {
    const algorithm = known(certificate.details)?.keyAlgorithm;
    const rsa = algorithm === undefined ? undefined : /^RSA[-_](\d+)$/.exec(algorithm);
    if (rsa) {
      const bits = Number(rsa[1]);
      if (bits < MIN_RSA_BITS) return fail(`${certificate.name} has a ${bits}-bit RSA key (under ${MIN_RSA_BITS})`);
      return pass(`${certificate.name} has a ${bits}-bit RSA key`);
    }
    if (algorithm?.startsWith('EC')) return pass(`${certificate.name} has an elliptic-curve key (${algorithm})`);
    return inconclusive(
      `${certificate.name}: DescribeCertificate gave ${algorithm === undefined ? 'no KeyAlgorithm' : `an unknown KeyAlgorithm ${algorithm}`}`,
      'the key algorithm could not be judged',
    );
  },
});
