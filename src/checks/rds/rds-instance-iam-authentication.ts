import { defineCheck, fail, pass } from '../define-check.ts';
import { clusterDecides } from './cluster-member.ts';

/** The engines of DB instances that offer IAM database authentication (Aurora members: the cluster's, RDS.12). */
const IAM_AUTH_ENGINES = new Set(['mysql', 'mariadb', 'postgres']);

export default defineCheck({
  id: 'rds-instance-iam-authentication',
  aliases: ['RDS.10', 'rds_instance_iam_authentication_enabled'],
  service: 'rds',
  resource: 'rds-instance',
  severity: 'medium',
  title: 'RDS DB instances accept IAM database authentication',
  description:
    "With IAM database authentication a client signs in with a 15-minute token derived from its IAM credentials instead of a long-lived database password, and access is granted and revoked in IAM (Security Hub RDS.10). Only MySQL, MariaDB and PostgreSQL instances offer it: other engines pass, saying so; for an Aurora member the setting is the cluster's (RDS.12), so it is unknown here.",
  remediation: {
    terraform: `resource "aws_db_instance" "this" {
  # ...
  iam_database_authentication_enabled = true
}`,
    cli: 'aws rds modify-db-instance --db-instance-identifier DB_ID --enable-iam-database-authentication --apply-immediately --region REGION',
    console:
      'RDS console (in the region) > Databases > DB > Modify > Database authentication > "Password and IAM database authentication" > Continue.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10',
  ],
  needs: ['rds:DescribeDBInstances'],
  triggers: ['CreateDBInstance', 'ModifyDBInstance'],
  evaluate(db) {
    if (db.iamAuthentication) return pass(`${db.identifier} accepts IAM database authentication`);
    const member = clusterDecides(db, 'IAM database authentication');
    if (member) return member;
    if (!IAM_AUTH_ENGINES.has(db.engine))
      return pass(`${db.identifier} runs ${db.engine}, which does not offer IAM database authentication`);
    return fail(`${db.identifier} (${db.engine}) accepts database passwords only, not IAM database authentication`);
  },
});
