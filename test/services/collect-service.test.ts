import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import {
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  SecurityHubClient,
  SecurityHubServiceException,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { RunState } from '../../src/collect/run-state.ts';
import { collectService } from '../../src/services/collect-service.ts';
import kmsService from '../../src/services/kms/index.ts';
import securityhubService from '../../src/services/securityhub/index.ts';

const CONTEXT = { region: 'ap-northeast-1', accountId: '123456789012', partition: 'aws' };
const KEY = (n: number) => `1234abcd-12ab-34cd-56ef-${String(n).padStart(12, '0')}`;

const kms = mockClient(KMSClient);
const hub = mockClient(SecurityHubClient);
let clients: AwsClients;

beforeEach(async () => {
  kms.reset();
  hub.reset();
  clients = await AwsClients.create({
    homeRegion: 'us-east-1',
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
    maxAttempts: 1,
  });
});
afterEach(() => clients.destroy());

describe('collectService (one declaration, one region)', () => {
  it("walks a marker-paginated listing (KMS's Truncated + NextMarker) into one answer without the steering fields, then asks each key", async () => {
    kms
      .on(ListKeysCommand)
      .resolves({
        Keys: [{ KeyId: KEY(1), KeyArn: `arn:aws:kms:ap-northeast-1:123456789012:key/${KEY(1)}` }],
        Truncated: true,
        NextMarker: 'page-2',
      })
      .on(ListKeysCommand, { Marker: 'page-2' })
      .resolves({
        Keys: [{ KeyId: KEY(2), KeyArn: `arn:aws:kms:ap-northeast-1:123456789012:key/${KEY(2)}` }],
        Truncated: false,
      });
    kms.on(DescribeKeyCommand).callsFake(async ({ KeyId }) => ({
      KeyMetadata: { KeyId, KeyManager: 'AWS', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT' },
    }));
    const run = new RunState(pLimit(4));
    const entry = await collectService(kmsService, clients, CONTEXT, run);
    expect(entry.ListKeys).toEqual({
      Keys: [expect.objectContaining({ KeyId: KEY(1) }), expect.objectContaining({ KeyId: KEY(2) })],
    });
    expect(Object.keys(entry.DescribeKey as object)).toEqual([KEY(1), KEY(2)]);
    // AWS managed keys rotate on their own: no rotation call, so the key is left out
    expect(entry.GetKeyRotationStatus).toBeUndefined();
    expect(kms.commandCalls(GetKeyRotationStatusCommand)).toHaveLength(0);
    expect(run.stats).toMatchObject({ calls: 4, errors: 0 });
  });

  it('asks about every key of a region, however many: no cap that would leave the rest `unknown`', async () => {
    const keys = Array.from({ length: 1500 }, (_, n) => ({ KeyId: KEY(n) }));
    kms.on(ListKeysCommand).resolves({ Keys: keys, Truncated: false });
    kms.on(DescribeKeyCommand).callsFake(async ({ KeyId }) => ({
      KeyMetadata: { KeyId, KeyManager: 'CUSTOMER', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' },
    }));
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
    const entry = await collectService(kmsService, clients, CONTEXT, new RunState(pLimit(8)));
    expect(Object.keys(entry.DescribeKey as object)).toHaveLength(1500);
    expect(Object.keys(entry.GetKeyRotationStatus as object)).toHaveLength(1500);
  });

  it('a failed page records the error for the whole listing (a listing with pages missing would hide resources)', async () => {
    kms
      .on(ListKeysCommand)
      .resolves({ Keys: [{ KeyId: KEY(1) }], Truncated: true, NextMarker: 'page-2' })
      .on(ListKeysCommand, { Marker: 'page-2' })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const run = new RunState(pLimit(4));
    const entry = await collectService(kmsService, clients, CONTEXT, run);
    expect(entry.ListKeys).toEqual({ error: { name: 'ThrottlingException', message: 'Rate exceeded' } });
    expect(entry.DescribeKey).toBeUndefined();
    expect(run.stats.errors).toBe(1);
  });

  it('records a "not configured" answer as evidence without counting it as a failed call', async () => {
    const notSubscribed = () =>
      new SecurityHubServiceException({
        name: 'InvalidAccessException',
        message: 'Account 123456789012 is not subscribed to AWS Security Hub',
        $fault: 'client',
        $metadata: { httpStatusCode: 401 },
      });
    hub.on(DescribeHubCommand).rejects(notSubscribed());
    hub.on(GetEnabledStandardsCommand).rejects(notSubscribed());
    const run = new RunState(pLimit(4));
    const entry = await collectService(securityhubService, clients, CONTEXT, run);
    expect(entry.DescribeHub).toEqual({
      error: { name: 'InvalidAccessException', message: 'Account 123456789012 is not subscribed to AWS Security Hub' },
    });
    expect(run.stats).toMatchObject({ calls: 2, errors: 0 });
  });
});
