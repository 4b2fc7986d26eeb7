import { spanOfField, type CodeResource } from '../code-resource.ts';
import type { TrailDraft } from '../snapshot/cloudtrail.ts';
import { aclProtocol, launchAddress, permission, type Ec2Drafts } from '../snapshot/ec2.ts';
import type { KeyDraft } from '../snapshot/kms.ts';
import type { FileSystemDraft } from '../snapshot/efs.ts';
import type { FunctionDraft, PermissionDraft } from '../snapshot/lambda.ts';
import type { DbInstanceDraft } from '../snapshot/rds.ts';
import { isObject, textOf, Unknown, type ObjectValue, type Value } from '../values.ts';

function list(v: Value | undefined): ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function object(v: Value | undefined): ObjectValue | undefined {
  return isObject(v) ? v : undefined;
}

function values(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function cfnPermission(r: ObjectValue) {
  return permission({
    protocol: r.IpProtocol,
    from: r.FromPort,
    to: r.ToPort,
    cidrs: values(r.CidrIp),
    ipv6: values(r.CidrIpv6),
    groups: [...values(r.SourceSecurityGroupId), ...values(r.DestinationSecurityGroupId)],
    prefixLists: [...values(r.SourcePrefixListId), ...values(r.DestinationPrefixListId)],
  });
}

/** Security groups and their ingress/egress resources, NACLs and entries, instances (through launch templates), VPCs, flow logs. */
export function cfnEc2(resources: CodeResource[], drafts: Ec2Drafts): void {
  const templates = new Map<string, ObjectValue>();
  for (const r of resources) {
    if (r.type !== 'AWS::EC2::LaunchTemplate') continue;
    const data = object(r.values.LaunchTemplateData) ?? {};
    templates.set(r.address, data);
    if (typeof r.values.LaunchTemplateName === 'string') templates.set(r.values.LaunchTemplateName, data);
  }
  for (const r of resources) {
    const v = r.values;
    switch (r.type) {
      case 'AWS::EC2::SecurityGroup':
        drafts.groups.set(r.address, {
          resource: r,
          id: r.address,
          name: v.GroupName ?? r.address,
          vpcId: v.VpcId,
          ingress: list(v.SecurityGroupIngress).map((p) => ({
            permission: cfnPermission(p),
            span: spanOfField(r, 'SecurityGroupIngress'),
          })),
          // without SecurityGroupEgress the group keeps the allow-all rule AWS creates
          egress: v.SecurityGroupEgress
            ? list(v.SecurityGroupEgress).map((p) => ({
                permission: cfnPermission(p),
                span: spanOfField(r, 'SecurityGroupEgress'),
              }))
            : [{ permission: permission({ protocol: '-1', cidrs: ['0.0.0.0/0'] }), span: r.span }],
          tags: v.Tags,
        });
        break;
      case 'AWS::EC2::SecurityGroupIngress':
      case 'AWS::EC2::SecurityGroupEgress':
        drafts.groupRules.push({
          groupId: v.GroupId ?? null,
          egress: r.type.endsWith('Egress'),
          permission: cfnPermission(v),
          span: r.span,
        });
        break;
      case 'AWS::EC2::NetworkAcl':
        drafts.acls.set(r.address, { resource: r, id: r.address, vpcId: v.VpcId, isDefault: false, entries: [] });
        break;
      case 'AWS::EC2::NetworkAclEntry': {
        const protocol = aclProtocol(v.Protocol);
        const range = object(v.PortRange);
        drafts.aclEntries.push({
          aclId: v.NetworkAclId ?? null,
          entry: {
            RuleNumber: v.RuleNumber,
            Protocol: protocol,
            RuleAction: typeof v.RuleAction === 'string' ? v.RuleAction.toLowerCase() : v.RuleAction,
            Egress: v.Egress === true,
            ...(v.CidrBlock !== undefined ? { CidrBlock: v.CidrBlock } : {}),
            ...(v.Ipv6CidrBlock !== undefined ? { Ipv6CidrBlock: v.Ipv6CidrBlock } : {}),
            ...(protocol !== '-1' && range ? { PortRange: { From: range.From, To: range.To } } : {}),
          },
          span: r.span,
        });
        break;
      }
      case 'AWS::EC2::Instance': {
        const launch = object(v.LaunchTemplate);
        const key = launch?.LaunchTemplateId ?? launch?.LaunchTemplateName;
        const data = typeof key === 'string' ? templates.get(key) : undefined;
        const options = object(data?.MetadataOptions) ?? {};
        const profile = v.IamInstanceProfile;
        const publicIp =
          object(values(v.NetworkInterfaces)[0])?.AssociatePublicIpAddress ??
          object(values(data?.NetworkInterfaces)[0])?.AssociatePublicIpAddress;
        drafts.instances.push({
          resource: r,
          id: r.address,
          span: spanOfField(r, 'LaunchTemplate'),
          item: {
            InstanceId: r.address,
            State: { Name: 'running' },
            MetadataOptions: {
              HttpTokens:
                options.HttpTokens ??
                new Unknown(
                  `${r.address} has no launch template setting MetadataOptions.HttpTokens: the AMI and the account default decide`,
                ),
              ...(options.HttpEndpoint !== undefined ? { HttpEndpoint: options.HttpEndpoint } : {}),
            },
            ...launchAddress(
              publicIp,
              `${r.address} does not set NetworkInterfaces[0].AssociatePublicIpAddress: the subnet's MapPublicIpOnLaunch decides`,
            ),
            SecurityGroups: [...values(v.SecurityGroupIds), ...values(v.SecurityGroups)].map((g) => ({ GroupId: g })),
            ...(typeof profile === 'string'
              ? { IamInstanceProfile: { Arn: `arn:aws:iam::${drafts.accountId}:instance-profile/${profile}` } }
              : {}),
          },
        });
        break;
      }
      case 'AWS::EC2::VPC':
        drafts.vpcs.push({
          resource: r,
          id: r.address,
          span: r.span,
          item: {
            VpcId: r.address,
            IsDefault: false,
            ...(typeof v.CidrBlock === 'string' ? { CidrBlock: v.CidrBlock } : {}),
          },
        });
        break;
      case 'AWS::EC2::Volume':
        drafts.volumes.push({
          resource: r,
          id: r.address,
          span: spanOfField(r, 'Encrypted'),
          encrypted: v.Encrypted,
          item: {
            VolumeId: r.address,
            State: 'available',
            ...(typeof v.KmsKeyId === 'string' ? { KmsKeyId: v.KmsKeyId } : {}),
            Attachments: [],
          },
        });
        break;
      case 'AWS::EC2::FlowLog':
        if (v.ResourceType === 'VPC')
          drafts.flowLogs.push({
            FlowLogId: r.address,
            ResourceId: v.ResourceId,
            FlowLogStatus: 'ACTIVE',
            TrafficType: v.TrafficType ?? 'ALL',
            LogDestinationType: v.LogDestinationType ?? 'cloud-watch-logs',
          });
        break;
      default:
        break;
    }
  }
}

export function cfnKmsKeys(resources: CodeResource[]): KeyDraft[] {
  return resources
    .filter((r) => r.type === 'AWS::KMS::Key')
    .map((r) => ({
      resource: r,
      id: r.address,
      description: r.values.Description,
      enabled: r.values.Enabled ?? true,
      keySpec: r.values.KeySpec ?? 'SYMMETRIC_DEFAULT',
      rotation: r.values.EnableKeyRotation ?? false,
      rotationPeriodDays: r.values.RotationPeriodInDays ?? 365,
      rotationSpan: spanOfField(r, 'EnableKeyRotation'),
    }));
}

export function cfnTrails(resources: CodeResource[]): TrailDraft[] {
  return resources
    .filter((r) => r.type === 'AWS::CloudTrail::Trail')
    .map((r) => {
      const v = r.values;
      const selectors = list(v.EventSelectors);
      const advanced = list(v.AdvancedEventSelectors);
      return {
        resource: r,
        name: typeof v.TrailName === 'string' ? v.TrailName : r.address,
        item: {
          S3BucketName: v.S3BucketName,
          IsMultiRegionTrail: v.IsMultiRegionTrail ?? false,
          IsOrganizationTrail: v.IsOrganizationTrail ?? false,
          IncludeGlobalServiceEvents: v.IncludeGlobalServiceEvents ?? true,
          LogFileValidationEnabled: v.EnableLogFileValidation ?? false,
          ...(v.KMSKeyId !== undefined ? { KmsKeyId: v.KMSKeyId } : {}),
          ...(v.CloudWatchLogsLogGroupArn !== undefined
            ? { CloudWatchLogsLogGroupArn: v.CloudWatchLogsLogGroupArn }
            : {}),
          HasCustomEventSelectors: selectors.length + advanced.length > 0,
        },
        isLogging: v.IsLogging ?? new Unknown(`${r.address} has no IsLogging (a required property)`),
        selectors: advanced.length
          ? { AdvancedEventSelectors: advanced }
          : {
              EventSelectors: selectors.length
                ? selectors.map((s) => ({
                    ReadWriteType: s.ReadWriteType ?? 'All',
                    IncludeManagementEvents: s.IncludeManagementEvents ?? true,
                    DataResources: s.DataResources ?? [],
                  }))
                : [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
            },
        selectorsSpan: spanOfField(r, 'AdvancedEventSelectors', 'EventSelectors'),
      };
    });
}

/**
 * `AWS::RDS::DBInstance`. Without `PubliclyAccessible` RDS decides from the subnets' internet gateway, which the
 * template does not say; an instance of an Aurora cluster takes encryption and backups from the cluster.
 */
export function cfnDbInstances(resources: CodeResource[]): DbInstanceDraft[] {
  return resources
    .filter((r) => r.type === 'AWS::RDS::DBInstance')
    .map((r) => {
      const v = r.values;
      const cluster = v.DBClusterIdentifier;
      const fromCluster = (what: string) =>
        new Unknown(`${r.address} is in cluster ${textOf(cluster)}: the cluster decides ${what}`);
      return {
        resource: r,
        identifier: typeof v.DBInstanceIdentifier === 'string' ? v.DBInstanceIdentifier : r.address.toLowerCase(),
        item: {
          Engine: v.Engine ?? new Unknown(`${r.address} sets no Engine (restored from a snapshot or a replica)`),
          ...(cluster !== undefined ? { DBClusterIdentifier: cluster } : {}),
          PubliclyAccessible:
            v.PubliclyAccessible ??
            new Unknown(`${r.address} does not set PubliclyAccessible: RDS decides from the VPC's internet gateway`),
          StorageEncrypted: v.StorageEncrypted ?? (cluster !== undefined ? fromCluster('encryption') : false),
          AutoMinorVersionUpgrade: v.AutoMinorVersionUpgrade ?? true,
          MultiAZ: v.MultiAZ ?? false,
          DeletionProtection: v.DeletionProtection ?? false,
          BackupRetentionPeriod: v.BackupRetentionPeriod ?? (cluster !== undefined ? fromCluster('backups') : 1),
          CopyTagsToSnapshot: v.CopyTagsToSnapshot ?? false,
          MonitoringInterval: v.MonitoringInterval ?? 0,
          IAMDatabaseAuthenticationEnabled: v.EnableIAMDatabaseAuthentication ?? false,
          EnabledCloudwatchLogsExports: v.EnableCloudwatchLogsExports ?? [],
        },
      };
    });
}

/** `AWS::Lambda::Function` and the `AWS::Lambda::Permission`s that make up its resource-based policy. */
export function cfnLambda(resources: CodeResource[]): { functions: FunctionDraft[]; permissions: PermissionDraft[] } {
  const functions = resources
    .filter((r) => r.type === 'AWS::Lambda::Function')
    .map((r) => ({
      resource: r,
      // without FunctionName CloudFormation generates one: the logical id stands for it, as Ref gives
      name: typeof r.values.FunctionName === 'string' ? r.values.FunctionName : r.address,
      runtime: r.values.Runtime,
      packageType: r.values.PackageType ?? 'Zip',
    }));
  const permissions = resources
    .filter((r) => r.type === 'AWS::Lambda::Permission')
    .map((r) => {
      const v = r.values;
      return {
        functionName: v.FunctionName,
        statementId: r.address,
        action: v.Action,
        principal: v.Principal,
        sourceArn: v.SourceArn,
        sourceAccount: v.SourceAccount,
        principalOrgId: v.PrincipalOrgID,
        functionUrlAuthType: v.FunctionUrlAuthType,
        span: r.span,
      };
    });
  return { functions, permissions };
}

/** `AWS::EFS::FileSystem`: not encrypted unless `Encrypted: true`. */
export function cfnFileSystems(resources: CodeResource[]): FileSystemDraft[] {
  return resources
    .filter((r) => r.type === 'AWS::EFS::FileSystem')
    .map((r) => ({
      resource: r,
      id: r.address,
      encrypted: r.values.Encrypted ?? false,
      kmsKeyId: r.values.KmsKeyId,
      span: spanOfField(r, 'Encrypted'),
    }));
}
