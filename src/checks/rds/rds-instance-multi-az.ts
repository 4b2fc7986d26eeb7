import { defineCheck, fail, pass } from '../define-check.ts';
import { clusterDecides } from './cluster-member.ts';

export default defineCheck({
  id: 'rds-instance-multi-az',
  aliases: ['RDS.5'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'medium',
  title: 'RDS DB instances are deployed in multiple Availability Zones',
  description:
    "A Multi-AZ deployment keeps a synchronous standby in another Availability Zone and fails over to it when the primary or its zone fails (Security Hub RDS.5, CIS 2.2.4 in v5.0). An Aurora member reports MultiAZ false whatever its cluster does: its availability is the cluster's, which DescribeDBInstances does not tell, so it is unknown.",
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  multi_az = true
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --multi-az --apply-immediately --region REGION',
    console:
      'RDS console (in the region) > Databases > DB > Modify > Availability & durability > "Create a standby instance" > Continue.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.multiAz) return pass(`${db.identifier} is a Multi-AZ deployment`);
    return (
      clusterDecides(db, 'availability') ?? fail(`${db.identifier} (${db.engine}) runs in a single Availability Zone`)
    );
  },
});
