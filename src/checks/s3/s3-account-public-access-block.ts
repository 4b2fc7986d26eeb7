import { PUBLIC_ACCESS_BLOCK_FLAG_NAMES, PUBLIC_ACCESS_BLOCK_FLAGS } from '../../services/s3/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-account-public-access-block',
  aliases: ['S3.1'],
  service: 's3',
  resource: 'account',
  severity: 'medium',
  title: 'Account-level S3 Block Public Access is on (all four settings)',
  description:
    'The account-level Block Public Access settings apply to every current and future bucket and access point of the account, whatever their own settings. With all four on, no ACL or bucket policy can make data public, and a user who may edit a bucket policy cannot lift the block for that bucket. Accounts that host deliberately public buckets cannot turn this on; record that as an accepted risk instead.',
  remediation: {
    terraform: `resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
    cli: 'aws s3control put-public-access-block --account-id ACCOUNT_ID --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    console:
      'S3 console > Block Public Access settings for this account (left menu) > Edit > tick "Block all public access" > Save changes > confirm.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1',
  ],
  needs: ['s3control:GetPublicAccessBlock'],
  triggers: ['PutAccountPublicAccessBlock', 'DeleteAccountPublicAccessBlock'],
  evaluate(_account, { state }) {
    const config = known(state.s3.accountPublicAccessBlock);
    if (config === null) {
      return fail(
        'the account has no Public Access Block configuration (NoSuchPublicAccessBlockConfiguration): all four settings are off',
      );
    }
    const off = PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => !config[flag]).map(
      (flag) => PUBLIC_ACCESS_BLOCK_FLAG_NAMES[flag],
    );
    if (off.length > 0) return fail(`off at account level: ${off.join(', ')}`);
    return pass('all four Block Public Access settings are on for the account');
  },
});
