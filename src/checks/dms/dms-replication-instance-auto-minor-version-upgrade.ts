import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'dms-replication-instance-auto-minor-version-upgrade',
  aliases: ['DMS.6', 'dms_instance_minor_version_upgrade_enabled'],
  service: 'dms',
  resource: 'dms-replication-instance',
  severity: 'medium',
  title: 'DMS replication instances apply minor version upgrades automatically',
  description:
    'Minor DMS engine versions carry security and bug fixes; with `AutoMinorVersionUpgrade` off the instance keeps its version until someone upgrades it. The check reads `AutoMinorVersionUpgrade` from DescribeReplicationInstances and fails when it is false. Security Hub DMS.6.',
  remediation: {
    terraform: `resource "aws_dms_replication_instance" "this" {
  # ...
  auto_minor_version_upgrade = true
}`,
    cli: 'aws dms modify-replication-instance --replication-instance-arn INSTANCE_ARN --auto-minor-version-upgrade --region REGION',
    console:
      'AWS DMS console (in the region) > Provisioned instances > INSTANCE > Modify > Maintenance: Automatic version upgrade > Save.',
  },
  references: [
    'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Modifying.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-6',
  ],
  needs: ['dms:DescribeReplicationInstances'],
  triggers: ['CreateReplicationInstance', 'ModifyReplicationInstance'],
  evaluate(instance) {
    if (instance.autoMinorVersionUpgrade) return pass(`${instance.id} applies minor version upgrades automatically`);
    return fail(`${instance.id} does not apply minor version upgrades automatically`);
  },
});
