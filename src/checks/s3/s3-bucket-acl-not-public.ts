import { unreadableReason } from '../../model/observed.ts';
import type { AclGrant } from '../../services/s3/model.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { describeInForce, flagInForce } from '../policy/index.ts';
import { known } from '../read.ts';

/** The predefined groups AWS counts as public in an ACL ("The meaning of public"). */
const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers (anyone)',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers (any AWS account)',
};

function publicGrants(grants: readonly AclGrant[]): string[] {
  return grants.flatMap((grant) => {
    const group = grant.uri ? PUBLIC_GROUPS[grant.uri] : undefined;
    return group ? [`${grant.permission} to ${group}`] : [];
  });
}

export default defineCheck({
  id: 's3-bucket-acl-not-public',
  aliases: ['AVD-AWS-0092', 'S3.2', 'S3.3'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'critical',
  title: 'S3 bucket ACL does not grant public access',
  description:
    'A bucket ACL grant to the AllUsers group lets anyone on the internet use the permission; a grant to AuthenticatedUsers lets anyone with any AWS account use it. READ lists the objects, WRITE lets anyone upload or overwrite, READ_ACP/WRITE_ACP read or change the ACL itself. Such a grant has no effect while IgnorePublicAcls is on (bucket or account level) or ACLs are disabled (Object Ownership BucketOwnerEnforced); the check then passes and says which one neutralises it.',
  remediation: {
    terraform: `# Disable ACLs altogether (recommended):
resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# or, while ACLs are still needed, make the bucket ACL private:
resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = "private"
}`,
    cli: `aws s3api put-bucket-acl --bucket BUCKET --acl private
aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Access control list (ACL) > Edit > clear every permission of "Everyone (public access)" and "Authenticated users group" > Save changes. Then Permissions > Object Ownership > Edit > ACLs disabled.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    'https://avd.aquasec.com/misconfig/avd-aws-0092',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3',
  ],
  // Ownership controls and the Public Access Block are read only when the ACL has a public
  // grant: a private ACL passes whatever they say.
  needs: ['s3:GetBucketAcl'],
  triggers: [
    'PutBucketAcl',
    'PutBucketOwnershipControls',
    'DeleteBucketOwnershipControls',
    'PutBucketPublicAccessBlock',
    'DeleteBucketPublicAccessBlock',
    'PutAccountPublicAccessBlock',
    'DeleteAccountPublicAccessBlock',
  ],
  evaluate(bucket, { state }) {
    const acl = known(bucket.acl);
    const grants = publicGrants(acl?.grants ?? []);
    if (grants.length === 0) return pass('the bucket ACL grants nothing to AllUsers or AuthenticatedUsers');
    const granted = `the bucket ACL grants ${grants.join(', ')}`;

    if (bucket.ownership.kind === 'present' && bucket.ownership.value === 'BucketOwnerEnforced') {
      return pass(`${granted}, but ACLs are disabled (Object Ownership BucketOwnerEnforced) so S3 ignores it`);
    }
    const ignore = flagInForce(bucket, state, 'ignorePublicAcls');
    if (ignore.state === 'on')
      return pass(`${granted}, but ${describeInForce('ignorePublicAcls', ignore)} so S3 ignores it`);

    const unknowns = [
      unreadableReason(bucket.ownership),
      ignore.state === 'unknown' ? ignore.reason : undefined,
    ].filter((r): r is string => r !== undefined);
    if (unknowns.length > 0) {
      return inconclusive(`${granted}; cannot tell whether it is neutralised`, unknowns.join('; '));
    }
    return fail(`${granted}; neither IgnorePublicAcls (bucket or account) nor BucketOwnerEnforced neutralises it`);
  },
});
