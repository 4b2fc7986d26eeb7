import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'dms-replication-instance-not-public',
  aliases: ['DMS.1', 'dms_instance_no_public_access'],
  service: 'dms',
  resource: 'dms-replication-instance',
  severity: 'critical',
  title: 'DMS replication instances are not public',
  description:
    'A public replication instance gets a public IP address; it holds the credentials of both databases it migrates between, so it should be reachable only from their networks (the VPC, a VPN, Direct Connect or peering). The check reads `PubliclyAccessible` from DescribeReplicationInstances and fails when it is true. The setting is fixed at creation: create a private instance and move the tasks to it. Security Hub DMS.1.',
  remediation: {
    terraform: `resource "aws_dms_replication_instance" "this" {
  # ... (changing this replaces the instance)
  publicly_accessible = false
}`,
    cli: 'aws dms create-replication-instance --replication-instance-identifier NEW_INSTANCE --replication-instance-class dms.t3.medium --no-publicly-accessible --replication-subnet-group-identifier PRIVATE_SUBNET_GROUP --region REGION\n# then move the tasks (modify-replication-task needs them stopped) and delete the old instance',
    console:
      'AWS DMS console (in the region) > Provisioned instances > Create replication instance > Connectivity and security: clear Public accessible; move the tasks to it and delete the old instance.',
  },
  references: [
    'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-1',
  ],
  needs: ['dms:DescribeReplicationInstances'],
  triggers: ['CreateReplicationInstance', 'DeleteReplicationInstance'],
  evaluate(instance) {
    if (instance.publiclyAccessible)
      return fail(`${instance.id} is publicly accessible${instance.publicIp ? ` at ${instance.publicIp}` : ''}`);
    return pass(`${instance.id} is private`);
  },
});
