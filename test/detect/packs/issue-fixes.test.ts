// Attacks the packs missed and a false alarm they raised, each found on third-party test events (issue 15).
import { describe, expect, it } from 'vitest';
import { firedRules, fixtureRecord } from '../engine/support.ts';
import { builtinMatcher, type CtRecord } from './pack-cases.ts';

const fired = (record: CtRecord): string[] => firedRules(builtinMatcher, JSON.stringify(record));

describe('root use through the console', () => {
  const rootConsole = {
    ...fixtureRecord('root-list-users'),
    userIdentity: {
      type: 'Root',
      principalId: '111122223333',
      arn: 'arn:aws:iam::111122223333:root',
      accountId: '111122223333',
      accessKeyId: 'ASIAEXAMPLECONSOLE01',
      sessionContext: { attributes: { creationDate: '2024-09-12T10:02:11Z', mfaAuthenticated: 'true' } },
      invokedBy: 'signin.amazonaws.com',
    },
    userAgent: 'signin.amazonaws.com',
    sessionCredentialFromConsole: 'true',
  };

  it('counts a root call made in the console (invokedBy signin.amazonaws.com) as root use', () => {
    expect(fired(rootConsole)).toContain('Root Account Used');
  });

  it('still leaves out a service acting for root', () => {
    expect(fired(fixtureRecord('root-invoked-by-service'))).not.toContain('Root Account Used');
    expect(
      fired({ ...rootConsole, userIdentity: { ...rootConsole.userIdentity, invokedBy: 'AWS Internal' } }),
    ).not.toContain('Root Account Used');
  });
});

describe('console sign-in without MFA', () => {
  const base = fixtureRecord('console-login-with-mfa');
  const passwordOnly: CtRecord = {
    ...base,
    additionalEventData: { ...(base.additionalEventData as object), MFAUsed: 'No' },
  };
  const samlLogin = {
    ...passwordOnly,
    userIdentity: {
      type: 'SAMLUser',
      principalId: 'SAML:alice@example.com',
      userName: 'alice@example.com',
      identityProvider: 'Ae3sVLEHKAVtKQ7nB2ySTEXAMPLE=',
    },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home',
      MobileVersion: 'No',
      MFAUsed: 'No',
      SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta',
    },
  };
  const identityCenterLogin = {
    ...passwordOnly,
    userIdentity: {
      type: 'IdentityCenterUser',
      accountId: '111122223333',
      onBehalfOf: {
        userId: '94482488-3041-7026-18f3-be45837cd0e4',
        identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-9067642ac7',
      },
      credentialId: 'EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE',
    },
  };

  it('fires for an IAM user signing in with a password only', () => {
    expect(fired(passwordOnly)).toContain('Console Sign-in Without MFA');
  });

  it('stays quiet for a SAML federated sign-in (MFA is at the identity provider)', () => {
    expect(fired(samlLogin)).not.toContain('Console Sign-in Without MFA');
    // the provider ARN alone marks a federated sign-in, whatever type CloudTrail gives the identity
    expect(fired({ ...samlLogin, userIdentity: passwordOnly.userIdentity })).not.toContain(
      'Console Sign-in Without MFA',
    );
  });

  it('stays quiet for an IAM Identity Center user', () => {
    expect(fired(identityCenterLogin)).not.toContain('Console Sign-in Without MFA');
  });
});

describe('versioning switched off', () => {
  const suspended = fixtureRecord('put-bucket-versioning-suspended');
  const withStatus = (status: string): CtRecord => ({
    ...suspended,
    requestParameters: {
      ...(suspended.requestParameters as object),
      VersioningConfiguration: { Status: status, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
    },
  });

  it.each(['Suspended', 'Disabled', 'Off', ''])('status %j counts as switched off', (status) => {
    expect(fired(withStatus(status))).toContain('S3 Versioning Suspended');
  });

  it('status Enabled, or no status at all (only MFA delete changed), does not', () => {
    expect(fired(withStatus('Enabled'))).not.toContain('S3 Versioning Suspended');
    expect(
      fired({
        ...suspended,
        requestParameters: { bucketName: 'acme-payroll-exports', VersioningConfiguration: { MfaDelete: 'Enabled' } },
      }),
    ).not.toContain('S3 Versioning Suspended');
  });
});

describe('lifecycle expiry', () => {
  const base = fixtureRecord('put-bucket-lifecycle-expire-all');
  function lifecycle(rules: unknown[], bucketName = 'acme-payroll-exports'): CtRecord {
    return {
      ...base,
      requestParameters: {
        bucketName,
        Host: `${bucketName}.s3.amazonaws.com`,
        lifecycle: [''],
        LifecycleConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', Rule: rules },
      },
    };
  }
  const expire = (id: string, filter: unknown, days: number): unknown => ({
    ID: id,
    Filter: filter,
    Status: 'Enabled',
    Expiration: { Days: days },
  });
  const lifecycleRules = (record: CtRecord): string[] => fired(record).filter((r) => r.startsWith('S3 Lifecycle'));

  it.each([
    ['a prefix', { Prefix: 'exports/' }],
    ['the prefix *', { Prefix: '*' }],
    ['a tag', { Tag: { Key: 'class', Value: 'payroll' } }],
    ['a prefix and a size', { And: { Prefix: 'exports/', ObjectSizeGreaterThan: 0 } }],
  ])('a 1-day expiry is destruction whatever its filter: %s', (_what, filter) => {
    expect(lifecycleRules(lifecycle([expire('wipe', filter, 1)]))).toEqual([
      'S3 Lifecycle Rule Expires Objects Quickly',
    ]);
  });

  it('a date already passed expires at once', () => {
    expect(
      lifecycleRules(
        lifecycle([
          { ID: 'wipe', Prefix: 'exports/', Status: 'Enabled', Expiration: { Date: '2024-01-01T00:00:00Z' } },
        ]),
      ),
    ).toEqual(['S3 Lifecycle Rule Expires Objects Quickly']);
  });

  it('expiring the logs a trail writes is the CRITICAL rule, even after a month', () => {
    const trailPrefix = lifecycle([expire('rotate', { Prefix: 'AWSLogs/111122223333/CloudTrail/' }, 30)], 'acme-audit');
    const trailBucket = lifecycle([expire('rotate', { Prefix: '' }, 1)], 'aws-cloudtrail-logs-111122223333-4f1c2a9e');
    for (const record of [trailPrefix, trailBucket])
      expect(lifecycleRules(record)).toEqual(['S3 Lifecycle Rule Expires Trail Logs']);
  });

  it('stays quiet on retention that outlives CloudTrail event history, and on disabled or transition-only rules', () => {
    expect(lifecycleRules(lifecycle([expire('retain', { Prefix: 'AWSLogs/' }, 400)], 'acme-audit'))).toEqual([]);
    expect(
      lifecycleRules(lifecycle([{ ...(expire('off', { Prefix: '' }, 1) as object), Status: 'Disabled' }])),
    ).toEqual([]);
    expect(
      lifecycleRules(
        lifecycle([
          { ID: 'ia', Filter: { Prefix: '' }, Status: 'Enabled', Transition: { Days: 1, StorageClass: 'GLACIER' } },
        ]),
      ),
    ).toEqual([]);
    expect(lifecycleRules(lifecycle([expire('tmp', { Prefix: 'tmp/' }, 30)]))).toEqual([]);
  });

  it('a whole-bucket expiry after weeks is still every object, once', () => {
    expect(lifecycleRules(lifecycle([expire('all', { Prefix: '' }, 30)]))).toEqual([
      'S3 Lifecycle Rule Expires Every Object',
    ]);
  });
});
