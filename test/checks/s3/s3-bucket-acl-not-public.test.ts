import check from '../../../src/checks/s3/s3-bucket-acl-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { awsError, hardenedBucket, snapshotWith } from '../../support/snapshot-builders.ts';

const OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const ownerGrant = { Grantee: { Type: 'CanonicalUser', ID: OWNER }, Permission: 'FULL_CONTROL' };
const group = (name: 'AllUsers' | 'AuthenticatedUsers', Permission: string) => ({
  Grantee: { Type: 'Group', URI: `http://acs.amazonaws.com/groups/global/${name}` },
  Permission,
});
const noPab = awsError('NoSuchPublicAccessBlockConfiguration');
const objectWriter = { OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } };

/** A bucket whose ACL has `grants`, ACLs enabled, and no Public Access Block at either level unless overridden. */
function aclBucket(
  grants: unknown[],
  overrides: Parameters<typeof hardenedBucket>[1] = {},
  account: Parameters<typeof snapshotWith>[1] = noPab,
) {
  return snapshotWith(
    {
      b: hardenedBucket('b', {
        GetBucketAcl: { Owner: { ID: OWNER }, Grants: [ownerGrant, ...grants] } as never,
        GetBucketOwnershipControls: objectWriter,
        GetPublicAccessBlock: noPab,
        ...overrides,
      }),
    },
    account,
  );
}

testCheck(check, {
  pass: [
    { name: 'owner-only ACL', snapshot: aclBucket([]), message: 'grants nothing to AllUsers or AuthenticatedUsers' },
    {
      name: 'LogDelivery group is not public',
      snapshot: aclBucket([
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
      ]),
      message: 'grants nothing',
    },
    {
      name: 'public grant neutralised by BucketOwnerEnforced',
      snapshot: aclBucket([group('AllUsers', 'READ')], {
        GetBucketOwnershipControls: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
      }),
      message: 'ACLs are disabled (Object Ownership BucketOwnerEnforced)',
    },
    {
      name: 'public grant neutralised by bucket IgnorePublicAcls',
      snapshot: aclBucket([group('AllUsers', 'READ')], {
        GetPublicAccessBlock: { PublicAccessBlockConfiguration: { IgnorePublicAcls: true } },
      }),
      message: 'IgnorePublicAcls is on at bucket level',
    },
    {
      name: 'public grant neutralised by account IgnorePublicAcls',
      snapshot: aclBucket(
        [group('AuthenticatedUsers', 'WRITE')],
        {},
        { PublicAccessBlockConfiguration: { IgnorePublicAcls: true } },
      ),
      message: 'IgnorePublicAcls is on at account level',
    },
    {
      name: 'public grant neutralised even when ownership controls are unreadable',
      snapshot: aclBucket([group('AllUsers', 'READ')], {
        GetBucketOwnershipControls: awsError('AccessDenied'),
        GetPublicAccessBlock: { PublicAccessBlockConfiguration: { IgnorePublicAcls: true } },
      }),
      message: 'IgnorePublicAcls is on at bucket level',
    },
  ],
  fail: [
    {
      name: 'AllUsers READ, no Public Access Block, ACLs enabled',
      snapshot: aclBucket([group('AllUsers', 'READ')]),
      message: 'the bucket ACL grants READ to AllUsers (anyone); neither IgnorePublicAcls',
    },
    {
      name: 'AuthenticatedUsers FULL_CONTROL without ownership controls',
      snapshot: aclBucket([group('AuthenticatedUsers', 'FULL_CONTROL')], {
        GetBucketOwnershipControls: awsError('OwnershipControlsNotFoundError'),
      }),
      message: 'FULL_CONTROL to AuthenticatedUsers (any AWS account)',
    },
    {
      name: 'BlockPublicAcls alone does not neutralise an existing grant',
      snapshot: aclBucket([group('AllUsers', 'WRITE_ACP')], {
        GetPublicAccessBlock: { PublicAccessBlockConfiguration: { BlockPublicAcls: true } },
      }),
      message: 'WRITE_ACP to AllUsers',
    },
  ],
  unknown: [
    {
      name: 'AccessDenied on GetBucketAcl',
      snapshot: aclBucket([], { GetBucketAcl: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketAcl',
    },
    {
      name: 'ACL not collected',
      snapshot: aclBucket([], { GetBucketAcl: undefined }),
      message: 's3:GetBucketAcl was not collected',
    },
    // AWS never answers such grants; read as "not public" they passed
    {
      name: 'a grant without Grantee',
      snapshot: aclBucket([{ Permission: 'READ' }]),
      message: 'MalformedResponse on s3:GetBucketAcl: grant #2 has no Grantee, Permission or (for a Group) URI',
    },
    {
      name: 'a Group grant without URI',
      snapshot: aclBucket([{ Grantee: { Type: 'Group' }, Permission: 'READ' }]),
      message: 'grant #2 has no Grantee',
    },
    {
      name: 'an AllUsers grant without Permission',
      snapshot: aclBucket([{ Grantee: group('AllUsers', 'READ').Grantee }]),
      message: 'grant #2 has no Grantee',
    },
    {
      name: 'public grant, ownership controls unreadable',
      snapshot: aclBucket([group('AllUsers', 'READ')], { GetBucketOwnershipControls: awsError('AccessDenied') }),
      message: 'AccessDenied on s3:GetBucketOwnershipControls',
    },
    {
      name: 'public grant, account Public Access Block not readable',
      snapshot: aclBucket([group('AllUsers', 'READ')], {}, awsError('AccessDenied')),
      message: 'AccessDenied on s3control:GetPublicAccessBlock',
    },
  ],
});
