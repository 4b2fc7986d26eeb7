/** For each check that runs on code: one passing and one failing resource in Terraform and in CloudFormation. */
export const TABLE: Array<[check: string, pass: [string, string], fail: [string, string, number, number]]> = [
  // [check, [tf pass address, cfn pass id], [tf fail address, cfn fail id, tf line, cfn line]]
  ['s3-bucket-versioning-enabled', ['aws_s3_bucket.ok', 'Ok'], ['aws_s3_bucket.bad', 'Bad', 1, 3]],
  ['ec2-sg-no-public-admin-ports', ['aws_security_group.ok', 'OkGroup'], ['aws_security_group.bad', 'BadGroup', 9, 11]],
  ['ec2-nacl-no-public-admin-ports', ['aws_network_acl.ok', 'OkAcl'], ['aws_network_acl.bad', 'BadAcl', 26, 27]],
  ['kms-key-rotation-enabled', ['aws_kms_key.ok', 'OkKey'], ['aws_kms_key.bad', 'BadKey', 18, 19]],
  ['cloudtrail-log-file-validation', ['aws_cloudtrail.ok', 'OkTrail'], ['aws_cloudtrail.bad', 'BadTrail', 37, 36]],
  ['rds-instance-not-public', ['aws_db_instance.ok', 'OkDb'], ['aws_db_instance.bad', 'BadDb', 42, 42]],
  ['rds-instance-encrypted', ['aws_db_instance.ok', 'OkDb'], ['aws_db_instance.bad', 'BadDb', 42, 42]],
  ['rds-instance-multi-az', ['aws_db_instance.ok', 'OkDb'], ['aws_db_instance.bad', 'BadDb', 42, 42]],
  ['rds-instance-deletion-protection', ['aws_db_instance.ok', 'OkDb'], ['aws_db_instance.bad', 'BadDb', 42, 42]],
  ['rds-instance-backups-enabled', ['aws_db_instance.ok', 'OkDb'], ['aws_db_instance.bad', 'BadDb', 42, 42]],
  ['rds-instance-auto-minor-version-upgrade', ['aws_db_instance.ok', 'OkDb'], ['aws_db_instance.bad', 'BadDb', 42, 42]],
];
