import type { AccountState } from '../../model/account-state.ts';
import type { ReplicationRule } from '../../services/s3/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

/** The region of a destination bucket when the snapshot holds it (same account), else undefined. */
function destinationRegion(rule: ReplicationRule, state: AccountState): string | undefined {
  const name = rule.destinationBucket.replace(/^arn:[^:]+:s3:::/, '');
  return state.s3.buckets.find((b) => b.name === name)?.region;
}

export default defineCheck({
  id: 's3-bucket-cross-region-replication',
  aliases: ['S3.7'],
  service: 's3',
  resource: 's3-bucket',
  severity: 'low',
  title: 'S3 bucket replicates to another region',
  description:
    'Cross-Region Replication copies new objects to a bucket in another region (ideally another account), so the data survives a regional outage, an accidental bucket deletion or an attacker in the source account. Only rules with Status Enabled count. When the destination bucket is in the snapshot and in the same region as the source, the replication is same-region and fails; a destination outside the snapshot is taken as cross-region. Replication needs versioning on both buckets and costs storage and transfer: this is an informative finding for data that can be recreated.',
  remediation: {
    terraform: `resource "aws_s3_bucket_replication_configuration" "this" {
  depends_on = [aws_s3_bucket_versioning.this]
  bucket     = aws_s3_bucket.this.id
  role       = aws_iam_role.replication.arn
  rule {
    id     = "replicate-all"
    status = "Enabled"
    filter {}
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket = aws_s3_bucket.replica.arn # a versioned bucket in another region
    }
  }
}`,
    cli: `aws s3api put-bucket-replication --bucket BUCKET --replication-configuration \\
  '{"Role":"arn:aws:iam::ACCOUNT_ID:role/s3-replication","Rules":[{"ID":"replicate-all","Status":"Enabled","Priority":1,"Filter":{},"DeleteMarkerReplication":{"Status":"Enabled"},"Destination":{"Bucket":"arn:aws:s3:::REPLICA_BUCKET"}}]}'`,
    console:
      'S3 console > Buckets > BUCKET > Management > Replication rules > Create replication rule: apply to all objects, choose a destination bucket in another region (and account), an IAM role > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-7',
  ],
  needs: ['s3:GetBucketReplication'],
  triggers: ['PutBucketReplication', 'DeleteBucketReplication'],
  evaluate(bucket, { state }) {
    const replication = known(bucket.replication);
    const enabled = (replication?.rules ?? []).filter((r) => r.status === 'Enabled');
    if (enabled.length === 0) {
      return fail(replication === null ? 'no replication configured' : 'no enabled replication rule');
    }
    const crossRegion = enabled.filter((r) => destinationRegion(r, state) !== bucket.region);
    if (crossRegion.length === 0) {
      return fail(`replication goes only to buckets in ${bucket.region} (same-region replication)`);
    }
    const destinations = crossRegion.map((r) => {
      const region = destinationRegion(r, state);
      return region ? `${r.destinationBucket} (${region})` : r.destinationBucket;
    });
    return pass(`replicates to ${destinations.join(', ')}`);
  },
});
