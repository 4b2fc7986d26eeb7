import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 'ec2-ebs-snapshot-not-public',
  aliases: ['EC2.1'],
  service: 'ec2',
  resource: 'ec2-snapshot',
  severity: 'critical',
  title: 'EBS snapshot is not restorable by everyone',
  description:
    "A snapshot whose createVolumePermission includes the group `all` can be copied into any AWS account and mounted: the whole disk, its data and any secrets on it. (Encrypted snapshots cannot be made public.) One DescribeSnapshots call per region (`RestorableByUserIds: all`) lists the public ones among the account's own, so every snapshot gets a verdict however many there are; where that listing fails each snapshot's attribute is asked instead.",
  remediation: {
    terraform: `# share with named accounts only; never a permission for group "all"
resource "aws_snapshot_create_volume_permission" "partner" {
  snapshot_id = aws_ebs_snapshot.this.id
  account_id  = "111122223333"
}`,
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id SNAPSHOT_ID --attribute createVolumePermission --operation-type remove --group-names all',
    console:
      'EC2 console > Snapshots > SNAPSHOT_ID > Actions > Snapshot settings > Modify permissions > Private > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1',
  ],
  needs: ['ec2:DescribeSnapshots', 'ec2:DescribeSnapshotsRestorableByAll'],
  triggers: ['ModifySnapshotAttribute'],
  evaluate(snapshot) {
    const restore = known(snapshot.publicRestore);
    if (restore?.isPublic)
      return fail('anyone can restore this snapshot (createVolumePermission grants the group "all")');
    const accounts = restore?.sharedWith ?? [];
    return pass(accounts.length ? `shared with ${accounts.length} named account(s) only` : 'the snapshot is private');
  },
});
