import check from '../../../src/checks/dms/dms-endpoint-ssl.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ENDPOINTS_DENIED, dms, endpoint } from './dms-builders.ts';

const one = (fields: Record<string, unknown>) => dms({ instances: [], endpoints: [endpoint('orders-source', fields)] });
const s3Target = {
  EndpointType: 'TARGET',
  EngineName: 's3',
  EngineDisplayName: 'Amazon S3',
  SslMode: 'none',
  ServerName: undefined,
  Port: undefined,
  CertificateArn: undefined,
  PostgreSQLSettings: undefined,
  S3Settings: { BucketName: 'example-dms-landing', ServiceAccessRoleArn: 'arn:aws:iam::123456789012:role/dms-s3' },
};

testCheck(check, {
  pass: [
    { name: 'verify-full', snapshot: one({}), message: 'orders-source uses SSL (SslMode verify-full)' },
    { name: 'require', snapshot: one({ SslMode: 'require', CertificateArn: undefined }), message: '(SslMode require)' },
    { name: 'an S3 target (HTTPS to the AWS API)', snapshot: one(s3Target), message: 'reaches the AWS API over HTTPS' },
    {
      name: 'Kafka with TLS',
      snapshot: one({
        EngineName: 'kafka',
        SslMode: 'none',
        KafkaSettings: { Broker: 'b-1.msk:9094', SecurityProtocol: 'ssl-encryption' },
      }),
      message: 'connects with ssl-encryption',
    },
  ],
  fail: [
    {
      name: 'SslMode none',
      snapshot: one({ SslMode: 'none', CertificateArn: undefined }),
      message: 'orders-source (postgres) does not use SSL (SslMode none)',
    },
    {
      name: 'Kafka in plain text',
      snapshot: one({
        EngineName: 'kafka',
        SslMode: 'none',
        KafkaSettings: { Broker: 'b-1.msk:9092', SecurityProtocol: 'plaintext' },
      }),
      message: 'connects in plain text',
    },
  ],
  unknown: [ENDPOINTS_DENIED],
});
