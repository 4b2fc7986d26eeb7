import { defineCheck, fail, pass } from '../define-check.ts';

/** Endpoints that reach an AWS service API, always over HTTPS: SslMode does not apply to them. */
const AWS_API_ENGINES = new Set(['s3', 'dynamodb', 'kinesis', 'opensearch', 'elasticsearch', 'neptune']);

export default defineCheck({
  id: 'dms-endpoint-ssl',
  aliases: ['DMS.9', 'dms_endpoint_ssl_enabled'],
  service: 'dms',
  resource: 'dms-endpoint',
  severity: 'medium',
  title: 'DMS endpoints use SSL',
  description:
    'With `SslMode` none the replication instance talks to the database in plain text: the migrated rows and the database credentials cross the network readable. The check reads `SslMode` from DescribeEndpoints and fails when it is `none`; a Kafka endpoint is judged by `KafkaSettings.SecurityProtocol` (plaintext fails), and endpoints that write to an AWS service API (S3, DynamoDB, Kinesis, OpenSearch, Neptune) always use HTTPS. Security Hub DMS.9.',
  remediation: {
    terraform: `resource "aws_dms_endpoint" "this" {
  # ...
  ssl_mode        = "verify-full"
  certificate_arn = aws_dms_certificate.db_ca.certificate_arn
}`,
    cli: 'aws dms modify-endpoint --endpoint-arn ENDPOINT_ARN --ssl-mode verify-full --certificate-arn CERTIFICATE_ARN --region REGION',
    console:
      'AWS DMS console (in the region) > Endpoints > ENDPOINT > Modify > Endpoint settings: Secure Socket Layer (SSL) mode: verify-full, CA certificate > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-9',
  ],
  needs: ['dms:DescribeEndpoints'],
  triggers: ['CreateEndpoint', 'ModifyEndpoint'],
  evaluate(endpoint) {
    const engine = endpoint.engine?.toLowerCase();
    if (engine !== undefined && AWS_API_ENGINES.has(engine))
      return pass(`${endpoint.id} (${engine}) reaches the AWS API over HTTPS`);
    if (engine === 'kafka') {
      const protocol = endpoint.kafkaSecurityProtocol ?? 'plaintext';
      if (protocol === 'plaintext')
        return fail(`${endpoint.id} (kafka) connects in plain text (SecurityProtocol plaintext)`);
      return pass(`${endpoint.id} (kafka) connects with ${protocol}`);
    }
    const mode = endpoint.sslMode ?? 'none';
    if (mode === 'none')
      return fail(`${endpoint.id} (${engine ?? 'engine not given'}) does not use SSL (SslMode none)`);
    return pass(`${endpoint.id} uses SSL (SslMode ${mode})`);
  },
});
