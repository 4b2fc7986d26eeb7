import { GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { AwsClients } from '../../src/aws/clients.ts';
import { countingThrottles, isThrottlingError } from '../../src/collect/throttle-count.ts';
import {
  callerIdentity,
  requestHandlerFor,
  s3Xml,
  s3XmlError,
  stsXmlError,
  type FakeRoute,
} from '../aws/fake-aws-http.ts';

const credentials = async () => ({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});

/** The real SDK stack (retries included) over an in-process route. */
function clientsWith(route: FakeRoute, maxAttempts = 3) {
  return AwsClients.create({
    homeRegion: 'us-east-1',
    credentials,
    requestHandler: requestHandlerFor(route),
    maxAttempts,
  });
}

describe('countingThrottles', () => {
  it('counts every attempt AWS throttled, the ones the SDK retried to success included', async () => {
    let calls = 0;
    const clients = await clientsWith((request) => {
      calls += 1;
      if (request.body.includes('GetCallerIdentity'))
        return calls === 1 ? stsXmlError(400, 'Throttling', 'Rate exceeded') : callerIdentity('123456789012');
      return calls === 3
        ? s3XmlError(503, 'SlowDown', 'Please reduce your request rate.')
        : s3Xml(
            '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
            'VersioningConfiguration',
          );
    });
    const tally = { throttled: 0 };
    const counted = countingThrottles(clients, tally);
    try {
      const identity = await counted.sts().send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe('123456789012');
      expect(identity.$metadata.attempts).toBe(2);
      expect(tally.throttled).toBe(1);
      // the same client handed out again is not counted twice
      const versioning = await countingThrottles(clients, tally)
        .s3('us-east-1')
        .send(new GetBucketVersioningCommand({ Bucket: 'busy-bucket' }));
      expect(versioning.Status).toBe('Enabled');
      expect(tally.throttled).toBe(2);
    } finally {
      clients.destroy();
    }
  });

  it('does not count other errors, and counts each attempt of a call that stays throttled', async () => {
    const denied = await clientsWith(() => s3XmlError(403, 'AccessDenied', 'Access Denied'));
    const busy = await clientsWith(() => stsXmlError(400, 'Throttling', 'Rate exceeded'), 2);
    const tally = { throttled: 0 };
    try {
      await expect(
        countingThrottles(denied, tally)
          .s3('us-east-1')
          .send(new GetBucketVersioningCommand({ Bucket: 'private' })),
      ).rejects.toThrow('Access Denied');
      expect(tally.throttled).toBe(0);
      const error = await countingThrottles(busy, tally)
        .sts()
        .send(new GetCallerIdentityCommand({}))
        .catch((e: unknown) => e);
      expect(isThrottlingError(error)).toBe(true);
      expect(tally.throttled).toBe(2);
    } finally {
      denied.destroy();
      busy.destroy();
    }
  });
});

describe('isThrottlingError', () => {
  it('knows the throttling codes of the services scanned, and HTTP 429', () => {
    for (const name of [
      'Throttling',
      'ThrottlingException',
      'RequestLimitExceeded',
      'SlowDown',
      'TooManyRequestsException',
    ]) {
      expect(isThrottlingError({ name, $metadata: { httpStatusCode: 400 } })).toBe(true);
    }
    expect(isThrottlingError({ name: 'UnknownError', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isThrottlingError({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(false);
  });
});
