import { controlsFrom, type Framework } from '../framework.ts';

const PUBLIC_ACL = 's3-bucket-acl-not-public';

/** AWS Foundational Security Best Practices v1.0.0 (Security Hub), its Amazon S3 controls. */
export const awsFsbp: Framework = {
  name: 'aws-fsbp',
  title: 'AWS Foundational Security Best Practices',
  version: '1.0.0',
  scope:
    "The standard's Amazon S3 controls (cloudwarden scans S3): S3.1, S3.2, S3.3, S3.5, S3.6, S3.8, S3.9, S3.12, S3.13, S3.19, S3.24, S3.25. " +
    'Access points (S3.19), Multi-Region Access Points (S3.24) and directory buckets (S3.25) are not collected yet and are manual. ' +
    'S3.2 is decided by the public ACL and public policy checks, S3.3 by the public ACL and public-write policy checks (the ACL check fails on any public grant, read or write). ' +
    'The Amazon EC2 and AWS CloudTrail controls cloudwarden has checks for are listed with them; the other controls of those services are not listed yet. ' +
    '(S3.22/S3.23, object-level logging, belong to the CIS and NIST standards, not FSBP: see CIS 3.8/3.9.) ' +
    'So are the IAM, GuardDuty, Config, Inspector, Macie and ECR controls with checks (Inspector.1, .2 and .4 by one check whose message names the scan types that are off). ' +
    'IAM.7 is manual: it requires all four character classes, which iam-password-policy-strong (CIS length 14 and reuse 24) reports but does not require. ' +
    '(EC2.13, EC2.14 and CloudTrail.7 are CIS/PCI controls, not FSBP: see CIS 5.2/5.3 and 3.4.) ' +
    'The CloudFront controls with checks are listed too (CloudFront.3, .6 and .15, read from ListDistributions); the other CloudFront controls are not listed yet. ' +
    'RDS.2, .3, .5, .8, .11 and .13 are decided from DescribeDBInstances; the other RDS controls are not listed yet. ' +
    'Lambda.1 and .2 are decided from ListFunctions and GetPolicy; the other Lambda controls are not listed yet. ' +
    'EFS.1 is decided from DescribeFileSystems; the other EFS controls are not listed yet. EC2.3 is decided from DescribeVolumes (every volume, attached or not). ' +
    'SQS.1 and .3 are decided from ListQueues and GetQueueAttributes; DocumentDB.1, .2, .4, .5 and Neptune.1, .2, .4, .5, .7, .8, .9 from DescribeDBClusters filtered by engine (snapshot publicity, DocumentDB.3 and Neptune.3, is not collected yet). ' +
    'WAF.10 and WAF.11 are decided for regional web ACLs (ListWebACLs, GetWebACL, GetLoggingConfiguration); CloudFront-scoped web ACLs are not collected yet. EventBridge.3 and .4 are decided from ListEventBuses and ListEndpoints.',
  controls: controlsFrom({
    'AWS Account': [
      [
        'Account.1',
        'Security contact information should be provided for an AWS account',
        'medium',
        ['account-security-contact-registered'],
      ],
    ],
    'Amazon S3': [
      [
        'S3.1',
        'S3 general purpose buckets should have block public access settings enabled',
        'medium',
        ['s3-account-public-access-block'],
      ],
      [
        'S3.2',
        'S3 general purpose buckets should block public read access',
        'critical',
        [PUBLIC_ACL, 's3-bucket-policy-not-public'],
      ],
      [
        'S3.3',
        'S3 general purpose buckets should block public write access',
        'critical',
        [PUBLIC_ACL, 's3-bucket-policy-public-write'],
      ],
      [
        'S3.5',
        'S3 general purpose buckets should require requests to use SSL',
        'medium',
        ['s3-bucket-deny-insecure-transport'],
      ],
      [
        'S3.6',
        'S3 general purpose bucket policies should restrict access to other AWS accounts',
        'high',
        ['s3-bucket-policy-cross-account'],
      ],
      ['S3.8', 'S3 general purpose buckets should block public access', 'high', ['s3-bucket-public-access-block']],
      [
        'S3.9',
        'S3 general purpose buckets should have server access logging enabled',
        'medium',
        ['s3-bucket-logging-enabled'],
      ],
      [
        'S3.12',
        'ACLs should not be used to manage user access to S3 general purpose buckets',
        'medium',
        ['s3-bucket-owner-enforced'],
      ],
      [
        'S3.13',
        'S3 general purpose buckets should have Lifecycle configurations',
        'low',
        ['s3-bucket-lifecycle-configured'],
      ],
      ['S3.19', 'S3 access points should have block public access settings enabled', 'critical'],
      ['S3.24', 'S3 Multi-Region Access Points should have block public access settings enabled', 'high'],
      ['S3.25', 'S3 directory buckets should have lifecycle configurations', 'low'],
    ],
    'Amazon EC2': [
      ['EC2.3', 'Attached Amazon EBS volumes should be encrypted at-rest', 'medium', ['ec2-ebs-volume-encrypted']],
      ['EC2.1', 'Amazon EBS snapshots should not be publicly restorable', 'critical', ['ec2-ebs-snapshot-not-public']],
      [
        'EC2.2',
        'VPC default security groups should not allow inbound or outbound traffic',
        'high',
        ['ec2-default-sg-restricts-all'],
      ],
      ['EC2.6', 'VPC flow logging should be enabled in all VPCs', 'medium', ['ec2-vpc-flow-logs-enabled']],
      ['EC2.7', 'EBS default encryption should be enabled', 'medium', ['ec2-ebs-default-encryption']],
      [
        'EC2.8',
        'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
        'high',
        ['ec2-instance-imdsv2-required'],
      ],
      [
        'EC2.19',
        'Security groups should not allow unrestricted access to ports with high risk',
        'critical',
        ['ec2-sg-no-public-admin-ports'],
      ],
      [
        'EC2.21',
        'Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389',
        'medium',
        ['ec2-nacl-no-public-admin-ports'],
      ],
      ['EC2.9', 'Amazon EC2 instances should not have a public IPv4 address', 'high', ['ec2-instance-no-public-ipv4']],
      ['EC2.17', 'Amazon EC2 instances should not use multiple ENIs', 'low', ['ec2-instance-single-eni']],
    ],
    'AWS CloudTrail': [
      [
        'CloudTrail.1',
        'CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events',
        'high',
        ['cloudtrail-multi-region-logging'],
      ],
      ['CloudTrail.2', 'CloudTrail should have encryption at-rest enabled', 'medium', ['cloudtrail-kms-encryption']],
      ['CloudTrail.4', 'CloudTrail log file validation should be enabled', 'low', ['cloudtrail-log-file-validation']],
      [
        'CloudTrail.5',
        'CloudTrail trails should be integrated with Amazon CloudWatch Logs',
        'low',
        ['cloudtrail-cloudwatch-logs'],
      ],
    ],
    'AWS IAM': [
      [
        'IAM.1',
        'IAM policies should not allow full "*" administrative privileges',
        'high',
        ['iam-policy-no-full-admin'],
      ],
      ['IAM.2', 'IAM users should not have IAM policies attached', 'low', ['iam-policies-attached-to-groups-or-roles']],
      [
        'IAM.3',
        "IAM users' access keys should be rotated every 90 days or less",
        'medium',
        ['iam-user-access-keys-rotated'],
      ],
      ['IAM.4', 'IAM root user access key should not exist', 'critical', ['iam-root-no-access-keys']],
      [
        'IAM.5',
        'MFA should be enabled for all IAM users that have a console password',
        'medium',
        ['iam-user-console-mfa'],
      ],
      ['IAM.6', 'Hardware MFA should be enabled for the root user', 'critical', ['iam-root-hardware-mfa']],
      ['IAM.7', 'Password policies for IAM users should have strong configurations', 'medium'],
      ['IAM.8', 'Unused IAM user credentials should be removed', 'medium', ['iam-user-unused-credentials']],
    ],
    'Detection services': [
      [
        'Config.1',
        'AWS Config should be enabled and use the service-linked role for resource recording',
        'critical',
        ['config-recorder-all-resources'],
      ],
      ['GuardDuty.1', 'GuardDuty should be enabled', 'high', ['guardduty-enabled']],
      [
        'GuardDuty.5',
        'GuardDuty EKS Audit Log Monitoring should be enabled',
        'high',
        ['guardduty-eks-audit-log-monitoring'],
      ],
      ['GuardDuty.6', 'GuardDuty Lambda Protection should be enabled', 'high', ['guardduty-lambda-protection']],
      [
        'GuardDuty.7',
        'GuardDuty EKS Runtime Monitoring should be enabled',
        'medium',
        ['guardduty-eks-runtime-monitoring'],
      ],
      [
        'GuardDuty.8',
        'GuardDuty Malware Protection for EC2 should be enabled',
        'high',
        ['guardduty-ec2-malware-protection'],
      ],
      ['GuardDuty.9', 'GuardDuty RDS Protection should be enabled', 'high', ['guardduty-rds-protection']],
      ['GuardDuty.10', 'GuardDuty S3 Protection should be enabled', 'high', ['guardduty-s3-protection']],
      ['GuardDuty.11', 'GuardDuty Runtime Monitoring should be enabled', 'high', ['guardduty-runtime-monitoring']],
      ['Inspector.1', 'Amazon Inspector EC2 scanning should be enabled', 'high', ['inspector2-scanning-enabled']],
      ['Inspector.2', 'Amazon Inspector ECR scanning should be enabled', 'high', ['inspector2-scanning-enabled']],
      [
        'Inspector.4',
        'Amazon Inspector Lambda standard scanning should be enabled',
        'high',
        ['inspector2-scanning-enabled'],
      ],
      ['Macie.1', 'Amazon Macie should be enabled', 'medium', ['macie2-enabled']],
      [
        'ECR.1',
        'ECR private repositories should have image scanning configured',
        'high',
        ['ecr-repository-scanning-enabled'],
      ],
      [
        'ECR.2',
        'ECR private repositories should have tag immutability configured',
        'medium',
        ['ecr-repository-tag-immutability'],
      ],
    ],
    'Amazon RDS': [
      [
        'RDS.2',
        'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration',
        'critical',
        ['rds-instance-not-public'],
      ],
      ['RDS.3', 'RDS DB instances should have encryption at-rest enabled', 'medium', ['rds-instance-encrypted']],
      [
        'RDS.5',
        'RDS DB instances should be configured with multiple Availability Zones',
        'medium',
        ['rds-instance-multi-az'],
      ],
      [
        'RDS.8',
        'RDS DB instances should have deletion protection enabled',
        'low',
        ['rds-instance-deletion-protection'],
      ],
      ['RDS.11', 'RDS instances should have automatic backups enabled', 'medium', ['rds-instance-backups-enabled']],
      [
        'RDS.13',
        'RDS automatic minor version upgrades should be enabled',
        'high',
        ['rds-instance-auto-minor-version-upgrade'],
      ],
      [
        'RDS.6',
        'Enhanced monitoring should be configured for RDS DB instances',
        'low',
        ['rds-instance-enhanced-monitoring'],
      ],
      [
        'RDS.9',
        'RDS DB instances should publish logs to CloudWatch Logs',
        'medium',
        ['rds-instance-logs-to-cloudwatch'],
      ],
      [
        'RDS.10',
        'IAM authentication should be configured for RDS instances',
        'medium',
        ['rds-instance-iam-authentication'],
      ],
      [
        'RDS.17',
        'RDS DB instances should be configured to copy tags to snapshots',
        'low',
        ['rds-instance-copy-tags-to-snapshot'],
      ],
    ],
    'AWS Lambda': [
      [
        'Lambda.1',
        'Lambda function policies should prohibit public access',
        'critical',
        ['lambda-function-not-public'],
      ],
      ['Lambda.2', 'Lambda functions should use supported runtimes', 'medium', ['lambda-function-supported-runtime']],
    ],
    'Amazon EFS': [
      [
        'EFS.1',
        'Elastic File System should be configured to encrypt file data at-rest using AWS KMS',
        'medium',
        ['efs-file-system-encrypted'],
      ],
    ],
    'Amazon CloudFront': [
      [
        'CloudFront.3',
        'CloudFront distributions should require encryption in transit',
        'medium',
        ['cloudfront-distribution-https-required'],
      ],
      [
        'CloudFront.6',
        'CloudFront distributions should have WAF enabled',
        'medium',
        ['cloudfront-distribution-waf-enabled'],
      ],
      [
        'CloudFront.15',
        'CloudFront distributions should use the recommended TLS security policy',
        'medium',
        ['cloudfront-distribution-tls-policy'],
      ],
    ],
    'Amazon DynamoDB': [
      [
        'DynamoDB.2',
        'DynamoDB tables should have point-in-time recovery enabled',
        'medium',
        ['dynamodb-table-pitr-enabled'],
      ],
      [
        'DynamoDB.6',
        'DynamoDB tables should have deletion protection enabled',
        'medium',
        ['dynamodb-table-deletion-protection'],
      ],
    ],
    'AWS Secrets Manager': [
      [
        'SecretsManager.1',
        'Secrets Manager secrets should have automatic rotation enabled',
        'medium',
        ['secretsmanager-secret-rotation-enabled'],
      ],
      ['SecretsManager.3', 'Remove unused Secrets Manager secrets', 'medium', ['secretsmanager-secret-unused']],
      [
        'SecretsManager.4',
        'Secrets Manager secrets should be rotated within a specified number of days',
        'medium',
        ['secretsmanager-secret-rotated-recently'],
      ],
    ],
    'AWS Certificate Manager': [
      [
        'ACM.1',
        'Imported and ACM-issued certificates should be renewed after a specified time period',
        'medium',
        ['acm-certificate-not-expiring'],
      ],
      [
        'ACM.2',
        'RSA certificates managed by ACM should use a key length of at least 2,048 bits',
        'high',
        ['acm-certificate-rsa-key-size'],
      ],
    ],
    'Amazon ECS': [
      [
        'ECS.3',
        "ECS task definitions should not share the host's process namespace",
        'high',
        ['ecs-task-no-host-pid-mode'],
      ],
      ['ECS.4', 'ECS containers should run as non-privileged', 'high', ['ecs-task-no-privileged-containers']],
      [
        'ECS.5',
        'ECS containers should be limited to read-only access to root filesystems',
        'high',
        ['ecs-task-readonly-root-filesystem'],
      ],
      [
        'ECS.8',
        'Secrets should not be passed as container environment variables',
        'high',
        ['ecs-task-no-environment-secrets'],
      ],
      ['ECS.9', 'ECS task definitions should have a logging configuration', 'high', ['ecs-task-logging-configured']],
      ['ECS.12', 'ECS clusters should use Container Insights', 'medium', ['ecs-cluster-container-insights']],
    ],
    'Amazon EKS': [
      ['EKS.1', 'EKS cluster endpoints should not be publicly accessible', 'high', ['eks-cluster-endpoint-not-public']],
      ['EKS.2', 'EKS clusters should run on a supported Kubernetes version', 'high', ['eks-cluster-supported-version']],
      ['EKS.3', 'EKS clusters should use encrypted Kubernetes secrets', 'medium', ['eks-cluster-secrets-encrypted']],
      ['EKS.8', 'EKS clusters should have audit logging enabled', 'medium', ['eks-cluster-audit-logging']],
    ],
    'Amazon OpenSearch Service': [
      [
        'Opensearch.1',
        'OpenSearch domains should have encryption at rest enabled',
        'medium',
        ['opensearch-domain-encrypted-at-rest'],
      ],
      [
        'Opensearch.2',
        'OpenSearch domains should not be publicly accessible',
        'critical',
        ['opensearch-domain-in-vpc'],
      ],
      [
        'Opensearch.3',
        'OpenSearch domains should encrypt data sent between nodes',
        'medium',
        ['opensearch-domain-node-to-node-encryption'],
      ],
      [
        'Opensearch.4',
        'OpenSearch domain error logging to CloudWatch Logs should be enabled',
        'medium',
        ['opensearch-domain-error-logging'],
      ],
      [
        'Opensearch.5',
        'OpenSearch domains should have audit logging enabled',
        'medium',
        ['opensearch-domain-audit-logging'],
      ],
      [
        'Opensearch.6',
        'OpenSearch domains should have at least three data nodes',
        'medium',
        ['opensearch-domain-data-nodes-fault-tolerant'],
      ],
      [
        'Opensearch.7',
        'OpenSearch domains should have fine-grained access control enabled',
        'high',
        ['opensearch-domain-fine-grained-access-control'],
      ],
      [
        'Opensearch.8',
        'Connections to OpenSearch domains should be encrypted using the latest TLS security policy',
        'medium',
        ['opensearch-domain-tls-policy'],
      ],
      [
        'Opensearch.10',
        'OpenSearch domains should have the latest software update installed',
        'medium',
        ['opensearch-domain-software-updated'],
      ],
    ],
    'Amazon SQS': [
      ['SQS.1', 'Amazon SQS queues should be encrypted at rest', 'medium', ['sqs-queue-encrypted']],
      ['SQS.3', 'SQS queue access policies should not allow public access', 'high', ['sqs-queue-not-public']],
    ],
    'Amazon DocumentDB': [
      ['DocumentDB.1', 'Amazon DocumentDB clusters should be encrypted at rest', 'medium', ['docdb-cluster-encrypted']],
      [
        'DocumentDB.2',
        'Amazon DocumentDB clusters should have an adequate backup retention period',
        'medium',
        ['docdb-cluster-backup-retention'],
      ],
      [
        'DocumentDB.4',
        'Amazon DocumentDB clusters should publish audit logs to CloudWatch Logs',
        'medium',
        ['docdb-cluster-audit-logs'],
      ],
      [
        'DocumentDB.5',
        'Amazon DocumentDB clusters should have deletion protection enabled',
        'medium',
        ['docdb-cluster-deletion-protection'],
      ],
    ],
    'Amazon Neptune': [
      ['Neptune.1', 'Neptune DB clusters should be encrypted at rest', 'medium', ['neptune-cluster-encrypted']],
      [
        'Neptune.2',
        'Neptune DB clusters should publish audit logs to CloudWatch Logs',
        'medium',
        ['neptune-cluster-audit-logs'],
      ],
      [
        'Neptune.4',
        'Neptune DB clusters should have deletion protection enabled',
        'low',
        ['neptune-cluster-deletion-protection'],
      ],
      [
        'Neptune.5',
        'Neptune DB clusters should have automated backups enabled',
        'medium',
        ['neptune-cluster-backup-retention'],
      ],
      [
        'Neptune.7',
        'Neptune DB clusters should have IAM database authentication enabled',
        'medium',
        ['neptune-cluster-iam-authentication'],
      ],
      [
        'Neptune.8',
        'Neptune DB clusters should be configured to copy tags to snapshots',
        'low',
        ['neptune-cluster-copy-tags-to-snapshots'],
      ],
      [
        'Neptune.9',
        'Neptune DB clusters should be deployed across multiple Availability Zones',
        'medium',
        ['neptune-cluster-multi-az'],
      ],
    ],
    'AWS WAF': [
      ['WAF.10', 'AWS WAF web ACLs should have at least one rule or rule group', 'medium', ['wafv2-web-acl-has-rules']],
      ['WAF.11', 'AWS WAF web ACL logging should be enabled', 'low', ['wafv2-web-acl-logging-enabled']],
    ],
    'Amazon EventBridge': [
      [
        'EventBridge.3',
        'EventBridge custom event buses should have a resource-based policy attached',
        'low',
        ['eventbridge-custom-bus-policy-attached'],
      ],
      [
        'EventBridge.4',
        'EventBridge global endpoints should have event replication enabled',
        'medium',
        ['eventbridge-endpoint-replication-enabled'],
      ],
    ],
    'AWS KMS': [
      ['KMS.3', 'AWS KMS keys should not be deleted unintentionally', 'critical', ['kms-key-not-pending-deletion']],
    ],
  }),
};
