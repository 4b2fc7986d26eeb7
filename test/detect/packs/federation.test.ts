import { byService, cloudTrailRecord, describePack, readOnly, stratusRecord } from './pack-cases.ts';

const federationToken = cloudTrailRecord(
  'sts.amazonaws.com',
  'GetFederationToken',
  {
    name: 'ops-break-glass',
    durationSeconds: 129600,
    policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  },
  {
    credentials: {
      accessKeyId: 'ASIAEXAMPLEFEDERATED',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
      expiration: 'Sep 14, 2024, 4:15:30 AM',
    },
    federatedUser: {
      federatedUserId: '111122223333:ops-break-glass',
      arn: 'arn:aws:sts::111122223333:federated-user/ops-break-glass',
    },
    packedPolicySize: 6,
  },
);
const sessionToken = cloudTrailRecord(
  'sts.amazonaws.com',
  'GetSessionToken',
  { durationSeconds: 3600, serialNumber: 'arn:aws:iam::111122223333:mfa/alice' },
  {
    credentials: {
      accessKeyId: 'ASIAEXAMPLESESSION01',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
      expiration: 'Sep 12, 2024, 11:15:30 AM',
    },
  },
);

const certificate = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUEXAMPLE\n-----END CERTIFICATE-----';
const trustAnchor = cloudTrailRecord(
  'rolesanywhere.amazonaws.com',
  'CreateTrustAnchor',
  {
    enabled: true,
    name: 'build-agents',
    source: { sourceType: 'CERTIFICATE_BUNDLE', sourceData: { x509CertificateData: certificate } },
  },
  { trustAnchor: { trustAnchorId: '0d2c7a1e-5b9f-4f1e-9d3a-0123456789ab', name: 'build-agents', enabled: true } },
);
const repointed = cloudTrailRecord(
  'rolesanywhere.amazonaws.com',
  'UpdateTrustAnchor',
  {
    trustAnchorId: '0d2c7a1e-5b9f-4f1e-9d3a-0123456789ab',
    source: { sourceType: 'CERTIFICATE_BUNDLE', sourceData: { x509CertificateData: certificate } },
  },
  { trustAnchor: { trustAnchorId: '0d2c7a1e-5b9f-4f1e-9d3a-0123456789ab', enabled: true } },
);
const renamed = cloudTrailRecord(
  'rolesanywhere.amazonaws.com',
  'UpdateTrustAnchor',
  { trustAnchorId: '0d2c7a1e-5b9f-4f1e-9d3a-0123456789ab', name: 'build-agents-eu' },
  { trustAnchor: { trustAnchorId: '0d2c7a1e-5b9f-4f1e-9d3a-0123456789ab', enabled: true } },
);

describePack('federation.yaml', [
  {
    rule: 'STS Federation Token Issued',
    fires: federationToken,
    quiet: [
      [sessionToken, 'a session token for the caller itself, with MFA'],
      [byService(federationToken, 'ec2.amazonaws.com'), 'a service acting for the caller'],
    ],
  },
  {
    rule: 'STS Federation Token Issued',
    fires: stratusRecord('aws.persistence.sts-federation-token', 'GetFederationToken'),
    quiet: [],
  },
  {
    rule: 'IAM Roles Anywhere Trust Anchor Created',
    fires: trustAnchor,
    quiet: [
      [renamed, 'a trust anchor renamed, its CA unchanged'],
      [readOnly(trustAnchor, 'ListTrustAnchors'), 'read-only call'],
      [byService(trustAnchor), 'created by a reviewed CloudFormation stack'],
    ],
  },
  { rule: 'IAM Roles Anywhere Trust Anchor Created', fires: repointed, quiet: [] },
  {
    rule: 'IAM Roles Anywhere Trust Anchor Created',
    fires: stratusRecord('aws.persistence.rolesanywhere-create-trust-anchor', 'CreateTrustAnchor'),
    quiet: [],
  },
]);
