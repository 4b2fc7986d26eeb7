import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'rds-instance-not-public',
  aliases: ['RDS.2'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'critical',
  title: 'RDS DB instances are not publicly accessible',
  description:
    'A DB instance with PubliclyAccessible set gets a DNS name that resolves to a public IP address, so its endpoint can be reached from the internet whenever a security group or network ACL lets the traffic in. Databases belong in private subnets, reached through the application, a bastion or a VPN (Security Hub RDS.2, CIS 2.2.3 in v5.0).',
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  publicly_accessible = false
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --no-publicly-accessible --apply-immediately --region REGION',
    console:
      'RDS console (in the region) > Databases > DB > Modify > Connectivity > Additional configuration > "Not publicly accessible" > Continue > Apply immediately.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance', 'RestoreDBInstanceFromDBSnapshot'],
  evaluate(db) {
    if (db.publiclyAccessible)
      return fail(
        `${db.identifier} (${db.engine}) is publicly accessible: its endpoint resolves to a public IP address`,
      );
    return pass(`${db.identifier} is not publicly accessible`);
  },
});
