import { PUBLIC_ACCESS_BLOCK_FLAG_NAMES, PUBLIC_ACCESS_BLOCK_FLAGS } from '../../services/s3/model.ts';
import { defineCheck, fail, inconclusive, pass } from '../define-check.ts';
import { flagInForce } from '../policy/index.ts';

export default defineCheck({
  id: 's3-bucket-public-access-block',
  aliases: ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'AVD-AWS-0094', 'S3.8'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'high',
  title: 'S3 bucket blocks public access (all four Block Public Access settings)',
  description:
    'Block Public Access has four settings: BlockPublicAcls rejects new public ACLs, IgnorePublicAcls ignores existing ones, BlockPublicPolicy rejects public bucket policies and RestrictPublicBuckets limits a public policy to AWS services and the owner account. S3 applies the most restrictive combination of the bucket and the account settings, so a setting that is off on the bucket but on for the account is in force. This check fails for every setting that is in force at neither level and names it. Security Hub S3.8 looks at the bucket level alone; a bucket covered only by the account setting passes here with that said in the message.',
  remediation: {
    terraform: `resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
    cli: 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    console:
      'S3 console > Buckets > BUCKET > Permissions > Block public access (bucket settings) > Edit > tick "Block all public access" > Save changes > confirm.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://avd.aquasec.com/misconfig/avd-aws-0086',
    'https://avd.aquasec.com/misconfig/avd-aws-0087',
    'https://avd.aquasec.com/misconfig/avd-aws-0091',
    'https://avd.aquasec.com/misconfig/avd-aws-0093',
    'https://avd.aquasec.com/misconfig/avd-aws-0094',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8',
  ],
  // The account-level setting is read only when a bucket flag is off, so that an unreadable
  // account setting does not hide a bucket that blocks everything itself.
  needs: ['s3:GetPublicAccessBlock'],
  triggers: [
    'PutBucketPublicAccessBlock',
    'DeleteBucketPublicAccessBlock',
    'PutAccountPublicAccessBlock',
    'DeleteAccountPublicAccessBlock',
  ],
  evaluate(bucket, { state }) {
    const off: string[] = [];
    const byAccount: string[] = [];
    const unknown: string[] = [];
    for (const flag of PUBLIC_ACCESS_BLOCK_FLAGS) {
      const name = PUBLIC_ACCESS_BLOCK_FLAG_NAMES[flag];
      const inForce = flagInForce(bucket, state, flag);
      if (inForce.state === 'off') off.push(name);
      else if (inForce.state === 'unknown') unknown.push(`${name} (${inForce.reason})`);
      else if (inForce.by === 'account') byAccount.push(name);
    }
    const bucketLevel =
      bucket.publicAccessBlock.kind === 'absent' ? 'the bucket has no Public Access Block configuration' : '';
    if (off.length > 0) {
      const detail = [bucketLevel, byAccount.length > 0 ? `on at account level only: ${byAccount.join(', ')}` : '']
        .filter(Boolean)
        .join('; ');
      return fail(`not blocked at bucket or account level: ${off.join(', ')}${detail ? ` (${detail})` : ''}`);
    }
    if (unknown.length > 0) {
      return inconclusive(
        `off on the bucket, and the account-level setting could not be read: ${unknown.join(', ')}`,
        unknown.join('; '),
      );
    }
    if (byAccount.length > 0) {
      return pass(`all four settings in force; ${byAccount.join(', ')} only through the account-level setting`);
    }
    return pass('all four Block Public Access settings are on for the bucket');
  },
});
