/**
 * The CIS AWS Foundations section 4 monitoring controls (4.1-4.15 in v1.4 to v5.0, 3.1-3.14 in v1.2; Security Hub
 * CloudWatch.1-14): for each, the CloudTrail events the benchmark names, as the shapes a metric filter must match,
 * and the benchmark's own filter pattern (used in remediation and tests). Event names are the benchmark's lists.
 */
import type { FieldRequirement, RequiredEvent } from './coverage.ts';

export interface MonitoringControl {
  id: string;
  /** the control in words, for titles and messages: "unauthorized API calls" */
  subject: string;
  /** CIS v1.4-v5.0 number */
  cis: string;
  /** Security Hub control, trivy AVD id, Prowler check id */
  aliases: string[];
  /** metric the remediation creates */
  metricName: string;
  /** the benchmark's filter pattern */
  pattern: string;
  events: RequiredEvent[];
}

/** Types each entry as a control, so the event shapes are read as requirements. */
function control(definition: MonitoringControl): MonitoringControl {
  return definition;
}

/** Successful write calls to one service: the shape of every "changes" control. */
function writeCalls(eventSource: string, names: string[]): RequiredEvent[] {
  return names.map((name) => ({
    label: name,
    fields: { eventSource: { equals: eventSource }, eventName: { equals: name }, readOnly: { equals: false } },
  }));
}

function anyOf(names: string[], eventSource?: string): string {
  const alternatives = names.map((n) => `($.eventName = ${n})`).join(' || ');
  return eventSource ? `{ ($.eventSource = ${eventSource}) && (${alternatives}) }` : `{ ${alternatives} }`;
}

const signIn: Record<string, FieldRequirement> = {
  eventSource: { equals: 'signin.amazonaws.com' },
  eventName: { equals: 'ConsoleLogin' },
  eventType: { equals: 'AwsConsoleSignIn' },
};

const IAM_POLICY_EVENTS = [
  'DeleteGroupPolicy',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'CreatePolicyVersion',
  'DeletePolicyVersion',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachGroupPolicy',
  'DetachGroupPolicy',
];
const CLOUDTRAIL_EVENTS = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'];
const KMS_EVENTS = ['DisableKey', 'ScheduleKeyDeletion'];
const S3_EVENTS = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'PutBucketCors',
  'PutBucketLifecycle',
  'PutBucketReplication',
  'DeleteBucketPolicy',
  'DeleteBucketCors',
  'DeleteBucketLifecycle',
  'DeleteBucketReplication',
];
const CONFIG_EVENTS = [
  'StopConfigurationRecorder',
  'DeleteDeliveryChannel',
  'PutDeliveryChannel',
  'PutConfigurationRecorder',
];
const SECURITY_GROUP_EVENTS = [
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
  // named since CIS v5.0.0 (4.10): one call that edits existing rules, so a filter without it misses a port opened
  'ModifySecurityGroupRules',
];
const NACL_EVENTS = [
  'CreateNetworkAcl',
  'CreateNetworkAclEntry',
  'DeleteNetworkAcl',
  'DeleteNetworkAclEntry',
  'ReplaceNetworkAclEntry',
  'ReplaceNetworkAclAssociation',
];
const GATEWAY_EVENTS = [
  'CreateCustomerGateway',
  'DeleteCustomerGateway',
  'AttachInternetGateway',
  'CreateInternetGateway',
  'DeleteInternetGateway',
  'DetachInternetGateway',
];
const ROUTE_TABLE_EVENTS = [
  'CreateRoute',
  'CreateRouteTable',
  'ReplaceRoute',
  'ReplaceRouteTableAssociation',
  'DeleteRouteTable',
  'DeleteRoute',
  'DisassociateRouteTable',
];
// the ClassicLink calls are retired, but every benchmark version still names them
const VPC_EVENTS = [
  'CreateVpc',
  'DeleteVpc',
  'ModifyVpcAttribute',
  'AcceptVpcPeeringConnection',
  'CreateVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'AttachClassicLinkVpc',
  'DetachClassicLinkVpc',
  'DisableVpcClassicLink',
  'EnableVpcClassicLink',
];
const ORGANIZATIONS_EVENTS = [
  'AcceptHandshake',
  'AttachPolicy',
  'CreateAccount',
  'CreateOrganizationalUnit',
  'CreatePolicy',
  'DeclineHandshake',
  'DeleteOrganization',
  'DeleteOrganizationalUnit',
  'DeletePolicy',
  'DetachPolicy',
  'DisablePolicyType',
  'EnablePolicyType',
  'InviteAccountToOrganization',
  'LeaveOrganization',
  'MoveAccount',
  'RemoveAccountFromOrganization',
  'UpdatePolicy',
  'UpdateOrganizationalUnit',
];

export const MONITORING_CONTROLS = {
  unauthorizedApiCalls: control({
    id: 'monitoring-unauthorized-api-calls',
    subject: 'unauthorized API calls',
    cis: '4.1',
    aliases: ['CloudWatch.2', 'AVD-AWS-0147', 'cloudwatch_log_metric_filter_unauthorized_api_calls'],
    metricName: 'UnauthorizedAPICalls',
    // v1.5 on: access denied on HeadBucket and to the log-delivery service are left out (&& binds tighter than ||)
    pattern:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    events: [
      {
        label: 'calls failing with errorCode "*UnauthorizedOperation"',
        fields: {
          errorCode: { endsWith: 'UnauthorizedOperation', examples: ['Client.UnauthorizedOperation'] },
          errorMessage: { equals: 'You are not authorized to perform this operation.' },
          eventName: { anyString: ['RunInstances'] },
        },
      },
      {
        label: 'calls failing with errorCode "AccessDenied*"',
        fields: {
          errorCode: { startsWith: 'AccessDenied', examples: ['AccessDenied', 'AccessDeniedException'] },
          eventSource: { anyString: ['iam.amazonaws.com'] },
          eventName: { anyString: ['ListUsers'], except: ['HeadBucket'] },
          sourceIPAddress: { anyString: ['198.51.100.7'], except: ['delivery.logs.amazonaws.com'] },
        },
      },
    ],
  }),
  consoleSigninWithoutMfa: control({
    id: 'monitoring-console-signin-without-mfa',
    subject: 'console sign-in without MFA',
    cis: '4.2',
    aliases: ['CloudWatch.3', 'AVD-AWS-0148', 'cloudwatch_log_metric_filter_sign_in_without_mfa'],
    metricName: 'ConsoleSigninWithoutMFA',
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    events: [
      {
        label: 'ConsoleLogin by an IAM user without MFA',
        fields: {
          ...signIn,
          'userIdentity.type': { equals: 'IAMUser' },
          'additionalEventData.MFAUsed': { anyString: ['No'], except: ['Yes'] },
          'responseElements.ConsoleLogin': { equals: 'Success' },
        },
      },
    ],
  }),
  rootUsage: control({
    id: 'monitoring-root-usage',
    subject: "use of the 'root' user",
    cis: '4.3',
    aliases: ['CloudWatch.1', 'AVD-AWS-0149', 'cloudwatch_log_metric_filter_root_usage'],
    metricName: 'RootAccountUsage',
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    events: [
      {
        label: 'ConsoleLogin by the root user',
        fields: {
          ...signIn,
          'userIdentity.type': { equals: 'Root' },
          'userIdentity.arn': { equals: 'arn:aws:iam::111122223333:root' },
          'userIdentity.invokedBy': { absent: true },
          'responseElements.ConsoleLogin': { equals: 'Success' },
        },
      },
      {
        label: 'API calls by the root user',
        fields: {
          'userIdentity.type': { equals: 'Root' },
          'userIdentity.arn': { equals: 'arn:aws:iam::111122223333:root' },
          'userIdentity.invokedBy': { absent: true },
          eventType: { equals: 'AwsApiCall' },
          eventSource: { anyString: ['iam.amazonaws.com'] },
          eventName: { anyString: ['CreateAccessKey'] },
        },
      },
    ],
  }),
  iamPolicyChanges: control({
    id: 'monitoring-iam-policy-changes',
    subject: 'IAM policy changes',
    cis: '4.4',
    aliases: ['CloudWatch.4', 'AVD-AWS-0150', 'cloudwatch_log_metric_filter_policy_changes'],
    metricName: 'IAMPolicyChanges',
    pattern: anyOf(IAM_POLICY_EVENTS),
    events: writeCalls('iam.amazonaws.com', IAM_POLICY_EVENTS),
  }),
  cloudtrailChanges: control({
    id: 'monitoring-cloudtrail-changes',
    subject: 'CloudTrail configuration changes',
    cis: '4.5',
    aliases: [
      'CloudWatch.5',
      'AVD-AWS-0151',
      'cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes_enabled',
    ],
    metricName: 'CloudTrailChanges',
    pattern: anyOf(CLOUDTRAIL_EVENTS),
    events: writeCalls('cloudtrail.amazonaws.com', CLOUDTRAIL_EVENTS),
  }),
  consoleAuthFailures: control({
    id: 'monitoring-console-auth-failures',
    subject: 'console authentication failures',
    cis: '4.6',
    aliases: ['CloudWatch.6', 'AVD-AWS-0152', 'cloudwatch_log_metric_filter_authentication_failures'],
    metricName: 'ConsoleSigninFailures',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    events: ['IAMUser', 'Root'].map((type) => ({
      label: `failed ConsoleLogin by ${type === 'Root' ? 'the root user' : 'an IAM user'}`,
      fields: {
        ...signIn,
        'userIdentity.type': { equals: type },
        errorMessage: { equals: 'Failed authentication' },
        'responseElements.ConsoleLogin': { equals: 'Failure' },
      },
    })),
  }),
  cmkDisableOrDeletion: control({
    id: 'monitoring-cmk-disable-or-deletion',
    subject: 'disabling or scheduled deletion of customer managed KMS keys',
    cis: '4.7',
    aliases: ['CloudWatch.7', 'AVD-AWS-0153', 'cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk'],
    metricName: 'DisableOrDeleteCMK',
    pattern: anyOf(KMS_EVENTS, 'kms.amazonaws.com'),
    events: writeCalls('kms.amazonaws.com', KMS_EVENTS),
  }),
  s3BucketPolicyChanges: control({
    id: 'monitoring-s3-bucket-policy-changes',
    subject: 'S3 bucket policy changes',
    cis: '4.8',
    aliases: ['CloudWatch.8', 'AVD-AWS-0154', 'cloudwatch_log_metric_filter_for_s3_bucket_policy_changes'],
    metricName: 'S3BucketPolicyChanges',
    pattern: anyOf(S3_EVENTS, 's3.amazonaws.com'),
    events: writeCalls('s3.amazonaws.com', S3_EVENTS),
  }),
  configChanges: control({
    id: 'monitoring-config-changes',
    subject: 'AWS Config configuration changes',
    cis: '4.9',
    aliases: [
      'CloudWatch.9',
      'AVD-AWS-0155',
      'cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled',
    ],
    metricName: 'AWSConfigChanges',
    pattern: anyOf(CONFIG_EVENTS, 'config.amazonaws.com'),
    events: writeCalls('config.amazonaws.com', CONFIG_EVENTS),
  }),
  securityGroupChanges: control({
    id: 'monitoring-security-group-changes',
    subject: 'security group changes',
    cis: '4.10',
    aliases: ['CloudWatch.10', 'AVD-AWS-0156', 'cloudwatch_log_metric_filter_security_group_changes'],
    metricName: 'SecurityGroupChanges',
    pattern: anyOf(SECURITY_GROUP_EVENTS),
    events: writeCalls('ec2.amazonaws.com', SECURITY_GROUP_EVENTS),
  }),
  naclChanges: control({
    id: 'monitoring-nacl-changes',
    subject: 'network ACL changes',
    cis: '4.11',
    aliases: ['CloudWatch.11', 'AVD-AWS-0157', 'cloudwatch_changes_to_network_acls_alarm_configured'],
    metricName: 'NACLChanges',
    pattern: anyOf(NACL_EVENTS),
    events: writeCalls('ec2.amazonaws.com', NACL_EVENTS),
  }),
  networkGatewayChanges: control({
    id: 'monitoring-network-gateway-changes',
    subject: 'network gateway changes',
    cis: '4.12',
    aliases: ['CloudWatch.12', 'AVD-AWS-0158', 'cloudwatch_changes_to_network_gateways_alarm_configured'],
    metricName: 'NetworkGatewayChanges',
    pattern: anyOf(GATEWAY_EVENTS),
    events: writeCalls('ec2.amazonaws.com', GATEWAY_EVENTS),
  }),
  routeTableChanges: control({
    id: 'monitoring-route-table-changes',
    subject: 'route table changes',
    cis: '4.13',
    aliases: ['CloudWatch.13', 'AVD-AWS-0159', 'cloudwatch_changes_to_network_route_tables_alarm_configured'],
    metricName: 'RouteTableChanges',
    pattern: anyOf(ROUTE_TABLE_EVENTS, 'ec2.amazonaws.com'),
    events: writeCalls('ec2.amazonaws.com', ROUTE_TABLE_EVENTS),
  }),
  vpcChanges: control({
    id: 'monitoring-vpc-changes',
    subject: 'VPC changes',
    cis: '4.14',
    aliases: ['CloudWatch.14', 'AVD-AWS-0160', 'cloudwatch_changes_to_vpcs_alarm_configured'],
    metricName: 'VPCChanges',
    pattern: anyOf(VPC_EVENTS),
    events: writeCalls('ec2.amazonaws.com', VPC_EVENTS),
  }),
  organizationsChanges: control({
    id: 'monitoring-organizations-changes',
    subject: 'AWS Organizations changes',
    cis: '4.15',
    aliases: ['AVD-AWS-0174', 'cloudwatch_log_metric_filter_aws_organizations_changes'],
    metricName: 'OrganizationsChanges',
    pattern: anyOf(ORGANIZATIONS_EVENTS, 'organizations.amazonaws.com'),
    events: writeCalls('organizations.amazonaws.com', ORGANIZATIONS_EVENTS),
  }),
};
