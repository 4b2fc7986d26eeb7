import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import {
  accessErrorFor,
  awsErrorName,
  errorRecord,
  isCredentialError,
  isRegionRedirect,
  redirectRegionOf,
} from '../../src/aws/aws-errors.ts';
import { partitionOfArn, regionFromLocationConstraint } from '../../src/aws/regions.ts';
import { AwsAccessError, describeError } from '../../src/errors.ts';

function s3Exception(name: string, status: number, fields: Record<string, string> = {}) {
  const error = new S3ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message: `${name} message`,
  });
  return Object.assign(error, fields);
}

describe('regionFromLocationConstraint', () => {
  it.each([
    [undefined, 'us-east-1'],
    [null, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['eu-west-1', 'eu-west-1'],
    ['ap-northeast-1', 'ap-northeast-1'],
  ])('%s is %s', (constraint, region) => expect(regionFromLocationConstraint(constraint)).toBe(region));
});

describe('partitionOfArn', () => {
  it('reads aws, aws-cn and aws-us-gov', () => {
    expect(partitionOfArn('arn:aws:iam::123456789012:user/a')).toBe('aws');
    expect(partitionOfArn('arn:aws-cn:iam::123456789012:user/a')).toBe('aws-cn');
    expect(partitionOfArn('arn:aws-us-gov:sts::123456789012:assumed-role/r/s')).toBe('aws-us-gov');
    expect(partitionOfArn(undefined)).toBe('aws');
  });
});

describe('AWS error helpers', () => {
  it('records our own AwsAccessError under the AWS name it stands for (e.g. a renewal that returned no credentials)', () => {
    const error = new AwsAccessError('AssumeRole returned no credentials', 'MissingCredentials', 'sts:AssumeRole');
    expect(errorRecord(error)).toEqual({ name: 'MissingCredentials', message: 'AssumeRole returned no credentials' });
  });

  it('names service errors by their AWS code and network errors by their Node code', () => {
    expect(awsErrorName(s3Exception('NoSuchBucketPolicy', 404))).toBe('NoSuchBucketPolicy');
    expect(awsErrorName(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe(
      'ECONNREFUSED',
    );
    expect(
      awsErrorName(
        new S3ServiceException({ name: 'UnknownError', $fault: 'server', $metadata: { httpStatusCode: 502 } }),
      ),
    ).toBe('HTTP502');
  });

  it('finds the region of a redirect in the header, the Region field or the Endpoint', () => {
    const withHeader = s3Exception('PermanentRedirect', 301);
    Object.defineProperty(withHeader, '$response', { value: { headers: { 'x-amz-bucket-region': 'sa-east-1' } } });
    expect(redirectRegionOf(withHeader)).toBe('sa-east-1');
    expect(redirectRegionOf(s3Exception('PermanentRedirect', 301, { Endpoint: 'b.s3.eu-north-1.amazonaws.com' }))).toBe(
      'eu-north-1',
    );
    expect(redirectRegionOf(s3Exception('PermanentRedirect', 301, { Endpoint: 'b.s3-us-west-2.amazonaws.com' }))).toBe(
      'us-west-2',
    );
    expect(redirectRegionOf(s3Exception('PermanentRedirect', 301, { Endpoint: 'b.s3.amazonaws.com' }))).toBe(
      'us-east-1',
    );
    expect(redirectRegionOf(s3Exception('AuthorizationHeaderMalformed', 400, { Region: 'me-central-1' }))).toBe(
      'me-central-1',
    );
  });

  it('treats AuthorizationHeaderMalformed as a redirect only when it names a region', () => {
    expect(isRegionRedirect(s3Exception('AuthorizationHeaderMalformed', 400, { Region: 'eu-west-3' }))).toBe(true);
    expect(isRegionRedirect(s3Exception('AuthorizationHeaderMalformed', 400))).toBe(false);
    expect(isRegionRedirect(s3Exception('AccessDenied', 403))).toBe(false);
    expect(isRegionRedirect(s3Exception('UnknownError', 301))).toBe(true);
  });

  it.each([
    'CredentialsProviderError',
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
  ])('%s means the credentials cannot be used', (name) => {
    const error = Object.assign(new Error('x'), { name });
    expect(isCredentialError(error)).toBe(true);
    expect(describeError(accessErrorFor(error, 'sts:GetCallerIdentity'))).toMatch(
      new RegExp(`^error: AWS ${name} \\(sts:GetCallerIdentity\\): `),
    );
  });

  it('never lets a credential reach a message', () => {
    const leaky = s3Exception('InvalidClientTokenId', 403);
    leaky.message = 'The security token included in the request is invalid: AKIAIOSFODNN7EXAMPLE';
    expect(errorRecord(leaky).message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(describeError(accessErrorFor(leaky, 'sts:GetCallerIdentity'))).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});
