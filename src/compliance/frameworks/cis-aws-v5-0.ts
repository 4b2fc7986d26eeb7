import { controlsFrom, type Framework } from '../framework.ts';

const DENY_HTTP = 's3-bucket-deny-insecure-transport';
const MFA_DELETE = 's3-bucket-mfa-delete-enabled';
const BLOCK_PUBLIC = ['s3-bucket-public-access-block', 's3-account-public-access-block'];

/**
 * CIS Amazon Web Services Foundations Benchmark v5.0.0. Numbering differs from v3.0.0: the
 * security-questions recommendation is gone (IAM is 1.1-1.21), RDS is 2.2 and EFS 2.3, EBS
 * encryption moved to 5.1.1, so the NACL recommendation is 5.2 and IMDSv2 is 5.7.
 */
export const cisAwsV50: Framework = {
  name: 'cis-aws-v5.0',
  title: 'CIS Amazon Web Services Foundations Benchmark',
  version: '5.0.0',
  scope:
    'All 63 recommendations are listed. cloudwarden decides the S3 ones from its checks (2.1.1, 2.1.2, 2.1.4); the others are manual until checks for their services exist.',
  controls: controlsFrom({
    '1 Identity and Access Management': [
      ['1.1', 'Maintain current contact details', 1],
      ['1.2', 'Ensure security contact information is registered', 1],
      ['1.3', "Ensure no 'root' user account access key exists", 1],
      ['1.4', "Ensure MFA is enabled for the 'root' user account", 1],
      ['1.5', "Ensure hardware MFA is enabled for the 'root' user account", 2],
      ['1.6', "Eliminate use of the 'root' user for administrative and daily tasks", 1],
      ['1.7', 'Ensure IAM password policy requires minimum length of 14 or greater', 1],
      ['1.8', 'Ensure IAM password policy prevents password reuse', 1],
      ['1.9', 'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password', 1],
      ['1.10', 'Do not create access keys during initial setup for IAM users with a console password', 1],
      ['1.11', 'Ensure credentials unused for 45 days or more are disabled', 1],
      ['1.12', 'Ensure there is only one active access key for any single IAM user', 1],
      ['1.13', 'Ensure access keys are rotated every 90 days or less', 1],
      ['1.14', 'Ensure IAM users receive permissions only through groups', 1],
      ['1.15', 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached', 1],
      ['1.16', 'Ensure a support role has been created to manage incidents with AWS Support', 1],
      ['1.17', 'Ensure IAM instance roles are used for AWS resource access from instances', 2],
      ['1.18', 'Ensure that all expired SSL/TLS certificates stored in AWS IAM are removed', 1],
      ['1.19', 'Ensure that IAM External Access Analyzer is enabled for all regions', 1],
      ['1.20', 'Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments', 2],
      ['1.21', 'Ensure access to AWSCloudShellFullAccess is restricted', 1],
    ],
    '2 Storage': [
      ['2.1.1', 'Ensure S3 Bucket Policy is set to deny HTTP requests', 2, [DENY_HTTP]],
      ['2.1.2', 'Ensure MFA Delete is enabled on S3 buckets', 2, [MFA_DELETE]],
      ['2.1.3', 'Ensure all data in Amazon S3 has been discovered, classified, and secured when necessary', 2],
      ['2.1.4', "Ensure that S3 is configured with 'Block Public Access' enabled", 1, BLOCK_PUBLIC],
      ['2.2.1', 'Ensure that encryption-at-rest is enabled for RDS instances', 1],
      ['2.2.2', 'Ensure the Auto Minor Version Upgrade feature is enabled for RDS instances', 1],
      ['2.2.3', 'Ensure that RDS instances are not publicly accessible', 1],
      ['2.2.4', 'Ensure Multi-AZ deployments are used for enhanced availability in Amazon RDS', 1],
      ['2.3.1', 'Ensure that encryption is enabled for EFS file systems', 1],
    ],
    '3 Logging': [
      ['3.1', 'Ensure CloudTrail is enabled in all regions', 1],
      ['3.2', 'Ensure CloudTrail log file validation is enabled', 2],
      ['3.3', 'Ensure AWS Config is enabled in all regions', 2],
      ['3.4', 'Ensure that server access logging is enabled on the CloudTrail S3 bucket', 1],
      ['3.5', 'Ensure CloudTrail logs are encrypted at rest using KMS CMKs', 2],
      ['3.6', 'Ensure rotation for customer-created symmetric CMKs is enabled', 2],
      ['3.7', 'Ensure VPC flow logging is enabled in all VPCs', 2],
      ['3.8', 'Ensure that object-level logging for write events is enabled for S3 buckets', 2],
      ['3.9', 'Ensure that object-level logging for read events is enabled for S3 buckets', 2],
    ],
    '4 Monitoring': [
      ['4.1', 'Ensure unauthorized API calls are monitored', 2],
      ['4.2', 'Ensure management console sign-in without MFA is monitored', 1],
      ['4.3', "Ensure usage of the 'root' account is monitored", 1],
      ['4.4', 'Ensure IAM policy changes are monitored', 1],
      ['4.5', 'Ensure CloudTrail configuration changes are monitored', 1],
      ['4.6', 'Ensure AWS Management Console authentication failures are monitored', 2],
      ['4.7', 'Ensure disabling or scheduled deletion of customer created CMKs is monitored', 2],
      ['4.8', 'Ensure S3 bucket policy changes are monitored', 1],
      ['4.9', 'Ensure AWS Config configuration changes are monitored', 2],
      ['4.10', 'Ensure security group changes are monitored', 2],
      ['4.11', 'Ensure Network Access Control List (NACL) changes are monitored', 2],
      ['4.12', 'Ensure changes to network gateways are monitored', 1],
      ['4.13', 'Ensure route table changes are monitored', 1],
      ['4.14', 'Ensure VPC changes are monitored', 1],
      ['4.15', 'Ensure AWS Organizations changes are monitored', 1],
      ['4.16', 'Ensure AWS Security Hub is enabled', 2],
    ],
    '5 Networking': [
      ['5.1.1', 'Ensure EBS volume encryption is enabled in all regions', 1],
      ['5.1.2', 'Ensure CIFS access is restricted to trusted networks to prevent unauthorized access', 1],
      ['5.2', 'Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports', 1],
      ['5.3', 'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports', 1],
      ['5.4', 'Ensure no security groups allow ingress from ::/0 to remote server administration ports', 1],
      ['5.5', 'Ensure the default security group of every VPC restricts all traffic', 2],
      ['5.6', 'Ensure routing tables for VPC peering are "least access"', 2],
      ['5.7', 'Ensure that the EC2 Metadata Service only allows IMDSv2', 1],
    ],
  }),
};
