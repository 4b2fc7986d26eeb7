import { spanOfField, type CodeResource } from '../code-resource.ts';
import type { TrailDraft } from '../snapshot/cloudtrail.ts';
import { aclProtocol, launchAddress, permission, type Ec2Drafts } from '../snapshot/ec2.ts';
import type { KeyDraft } from '../snapshot/kms.ts';
import type { FileSystemDraft } from '../snapshot/efs.ts';
import type { FunctionDraft, PermissionDraft } from '../snapshot/lambda.ts';
import type { DbInstanceDraft } from '../snapshot/rds.ts';
import { isObject, Unknown, type ObjectValue, type Value } from '../values.ts';

function blocks(v: Value | undefined): ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function values(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function id(v: Value | undefined, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/** An inline `ingress`/`egress` block or a rule resource, as the API reports the rule. */
function tfPermission(r: ObjectValue, self: string) {
  return permission({
    protocol: r.protocol ?? r.ip_protocol,
    from: r.from_port,
    to: r.to_port,
    cidrs: [...values(r.cidr_blocks), ...values(r.cidr_ipv4)],
    ipv6: [...values(r.ipv6_cidr_blocks), ...values(r.cidr_ipv6)],
    groups: [
      ...values(r.security_groups),
      ...values(r.source_security_group_id),
      ...values(r.referenced_security_group_id),
      ...(r.self === true ? [self] : []),
    ],
    prefixLists: [...values(r.prefix_list_ids), ...values(r.prefix_list_id)],
  });
}

function metadata(options: ObjectValue | undefined): Record<string, unknown> | undefined {
  if (!options) return undefined;
  return {
    ...(options.http_tokens !== undefined ? { HttpTokens: options.http_tokens } : {}),
    ...(options.http_endpoint !== undefined ? { HttpEndpoint: options.http_endpoint } : {}),
  };
}

/** Security groups and their rule resources, NACLs and their rules, instances, VPCs, flow logs, account settings. */
export function tfEc2(resources: CodeResource[], drafts: Ec2Drafts): void {
  const templates = new Map<string, ObjectValue>();
  for (const r of resources) {
    if (r.type === 'aws_launch_template') {
      templates.set(r.address, r.values);
      if (typeof r.values.name === 'string') templates.set(r.values.name, r.values);
    }
  }
  for (const r of resources) {
    const v = r.values;
    switch (r.type) {
      case 'aws_security_group':
      case 'aws_default_security_group': {
        const rules = (kind: string) =>
          blocks(v[kind]).map((b) => ({ permission: tfPermission(b, r.address), span: spanOfField(r, kind) }));
        drafts.groups.set(r.address, {
          resource: r,
          id: r.address,
          name: r.type === 'aws_default_security_group' ? 'default' : (v.name ?? r.address),
          vpcId: v.vpc_id,
          ingress: rules('ingress'),
          // without egress blocks Terraform removes the rule AWS adds: the group admits no outbound traffic
          egress: rules('egress'),
          tags: v.tags,
        });
        break;
      }
      case 'aws_security_group_rule':
        drafts.groupRules.push({
          groupId: v.security_group_id ?? null,
          egress: v.type === 'egress',
          permission: tfPermission(v, textId(v.security_group_id)),
          span: r.span,
        });
        break;
      case 'aws_vpc_security_group_ingress_rule':
      case 'aws_vpc_security_group_egress_rule':
        drafts.groupRules.push({
          groupId: v.security_group_id ?? null,
          egress: r.type.endsWith('egress_rule'),
          permission: tfPermission(v, textId(v.security_group_id)),
          span: r.span,
        });
        break;
      case 'aws_network_acl':
      case 'aws_default_network_acl': {
        const entries = (['ingress', 'egress'] as const).flatMap((kind) =>
          blocks(v[kind]).map((b) => ({
            entry: aclEntry(b, kind === 'egress', b.rule_no, b.action),
            span: spanOfField(r, kind),
          })),
        );
        drafts.acls.set(r.address, {
          resource: r,
          id: r.address,
          vpcId: v.vpc_id,
          isDefault: r.type === 'aws_default_network_acl',
          entries,
        });
        break;
      }
      case 'aws_network_acl_rule':
        drafts.aclEntries.push({
          aclId: v.network_acl_id ?? null,
          entry: aclEntry(v, v.egress === true, v.rule_number, v.rule_action),
          span: r.span,
        });
        break;
      case 'aws_instance': {
        const launch = blocks(v.launch_template)[0];
        const template = launch ? templates.get(textId(launch.id ?? launch.name)) : undefined;
        const options =
          metadata(blocks(v.metadata_options)[0]) ?? metadata(blocks(template?.metadata_options)[0]) ?? {};
        const publicIp =
          v.associate_public_ip_address ?? blocks(template?.network_interfaces)[0]?.associate_public_ip_address;
        drafts.instances.push({
          resource: r,
          id: r.address,
          span: spanOfField(r, 'metadata_options', 'launch_template'),
          item: {
            InstanceId: r.address,
            State: { Name: 'running' },
            MetadataOptions: {
              // RunInstances' default depends on the AMI and the account default: not knowable from this code
              HttpTokens:
                options.HttpTokens ??
                new Unknown(
                  `${r.address} does not set metadata_options.http_tokens: the AMI and the account default decide`,
                ),
              ...(options.HttpEndpoint !== undefined ? { HttpEndpoint: options.HttpEndpoint } : {}),
            },
            ...launchAddress(
              publicIp,
              `${r.address} does not set associate_public_ip_address: the subnet's map_public_ip_on_launch decides`,
            ),
            SecurityGroups: [...values(v.vpc_security_group_ids), ...values(v.security_groups)].map((g) => ({
              GroupId: g,
            })),
            ...(typeof v.iam_instance_profile === 'string'
              ? {
                  IamInstanceProfile: {
                    Arn: `arn:aws:iam::${drafts.accountId}:instance-profile/${v.iam_instance_profile}`,
                  },
                }
              : {}),
          },
        });
        break;
      }
      case 'aws_vpc':
      case 'aws_default_vpc':
        drafts.vpcs.push({
          resource: r,
          id: r.address,
          span: r.span,
          item: {
            VpcId: r.address,
            IsDefault: r.type === 'aws_default_vpc',
            ...(typeof v.cidr_block === 'string' ? { CidrBlock: v.cidr_block } : {}),
          },
        });
        break;
      case 'aws_flow_log':
        if (v.vpc_id !== undefined)
          drafts.flowLogs.push({
            FlowLogId: r.address,
            ResourceId: v.vpc_id,
            FlowLogStatus: 'ACTIVE',
            TrafficType: v.traffic_type ?? 'ALL',
            LogDestinationType: v.log_destination_type ?? 'cloud-watch-logs',
          });
        break;
      case 'aws_ebs_volume':
        drafts.volumes.push({
          resource: r,
          id: r.address,
          span: spanOfField(r, 'encrypted'),
          encrypted: v.encrypted,
          item: {
            VolumeId: r.address,
            State: 'available',
            ...(typeof v.kms_key_id === 'string' ? { KmsKeyId: v.kms_key_id } : {}),
            Attachments: [],
          },
        });
        break;
      case 'aws_ebs_encryption_by_default':
        drafts.ebsDefault = { value: { EbsEncryptionByDefault: v.enabled ?? true }, span: r.span };
        break;
      case 'aws_ec2_instance_metadata_defaults':
        drafts.metadataDefaults = { value: { AccountLevel: metadata(v) ?? {} }, span: r.span };
        break;
      default:
        break;
    }
  }
}

function textId(v: Value | undefined): string {
  return typeof v === 'string' ? v : '';
}

function aclEntry(b: ObjectValue, egress: boolean, ruleNumber: Value | undefined, action: Value | undefined) {
  const protocol = aclProtocol(b.protocol);
  return {
    RuleNumber: ruleNumber,
    Protocol: protocol,
    RuleAction: typeof action === 'string' ? action.toLowerCase() : action,
    Egress: egress,
    ...(b.cidr_block !== undefined ? { CidrBlock: b.cidr_block } : {}),
    ...(b.ipv6_cidr_block !== undefined ? { Ipv6CidrBlock: b.ipv6_cidr_block } : {}),
    ...(protocol !== '-1' && b.from_port !== undefined ? { PortRange: { From: b.from_port, To: b.to_port } } : {}),
  };
}

export function tfKmsKeys(resources: CodeResource[]): KeyDraft[] {
  return resources
    .filter((r) => r.type === 'aws_kms_key')
    .map((r) => ({
      resource: r,
      id: r.address,
      description: r.values.description,
      enabled: r.values.is_enabled ?? true,
      keySpec: r.values.customer_master_key_spec ?? r.values.key_spec ?? 'SYMMETRIC_DEFAULT',
      rotation: r.values.enable_key_rotation ?? false,
      rotationPeriodDays: r.values.rotation_period_in_days ?? 365,
      rotationSpan: spanOfField(r, 'enable_key_rotation'),
    }));
}

export function tfTrails(resources: CodeResource[]): TrailDraft[] {
  return resources
    .filter((r) => r.type === 'aws_cloudtrail')
    .map((r) => {
      const v = r.values;
      const selectors = blocks(v.event_selector).map((s) => ({
        ReadWriteType: s.read_write_type ?? 'All',
        IncludeManagementEvents: s.include_management_events ?? true,
        DataResources: blocks(s.data_resource).map((d) => ({ Type: d.type, Values: d.values })),
      }));
      const advanced = blocks(v.advanced_event_selector).map((s) => ({
        ...(s.name !== undefined ? { Name: s.name } : {}),
        FieldSelectors: blocks(s.field_selector).map((f) => ({
          Field: f.field,
          ...(f.equals !== undefined ? { Equals: f.equals } : {}),
          ...(f.starts_with !== undefined ? { StartsWith: f.starts_with } : {}),
          ...(f.ends_with !== undefined ? { EndsWith: f.ends_with } : {}),
          ...(f.not_equals !== undefined ? { NotEquals: f.not_equals } : {}),
          ...(f.not_starts_with !== undefined ? { NotStartsWith: f.not_starts_with } : {}),
          ...(f.not_ends_with !== undefined ? { NotEndsWith: f.not_ends_with } : {}),
        })),
      }));
      return {
        resource: r,
        name: id(v.name, r.address),
        item: {
          S3BucketName: v.s3_bucket_name,
          IsMultiRegionTrail: v.is_multi_region_trail ?? false,
          IsOrganizationTrail: v.is_organization_trail ?? false,
          IncludeGlobalServiceEvents: v.include_global_service_events ?? true,
          LogFileValidationEnabled: v.enable_log_file_validation ?? false,
          ...(v.kms_key_id !== undefined && v.kms_key_id !== null ? { KmsKeyId: v.kms_key_id } : {}),
          ...(v.cloud_watch_logs_group_arn !== undefined && v.cloud_watch_logs_group_arn !== null
            ? { CloudWatchLogsLogGroupArn: v.cloud_watch_logs_group_arn }
            : {}),
          HasCustomEventSelectors: selectors.length + advanced.length > 0,
        },
        isLogging: v.enable_logging ?? true,
        // a trail without selectors records management events only
        selectors: advanced.length
          ? { AdvancedEventSelectors: advanced }
          : {
              EventSelectors: selectors.length
                ? selectors
                : [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
            },
        selectorsSpan: spanOfField(r, 'advanced_event_selector', 'event_selector'),
      };
    });
}

/** `aws_db_instance`, with the provider's defaults (not public, not encrypted, minor upgrades on, one AZ). */
export function tfDbInstances(resources: CodeResource[]): DbInstanceDraft[] {
  return resources
    .filter((r) => r.type === 'aws_db_instance')
    .map((r) => {
      const v = r.values;
      return {
        resource: r,
        identifier: id(v.identifier, r.address),
        item: {
          Engine: v.engine ?? new Unknown(`${r.address} sets no engine (restored from a snapshot or a replica)`),
          PubliclyAccessible: v.publicly_accessible ?? false,
          StorageEncrypted:
            v.storage_encrypted ??
            (v.replicate_source_db !== undefined
              ? new Unknown(`${r.address} is a replica: its source decides encryption`)
              : false),
          AutoMinorVersionUpgrade: v.auto_minor_version_upgrade ?? true,
          MultiAZ: v.multi_az ?? false,
          DeletionProtection: v.deletion_protection ?? false,
          // RDS keeps one day of backups when CreateDBInstance does not say
          BackupRetentionPeriod: v.backup_retention_period ?? 1,
          // the provider's defaults: no tag copy, no Enhanced Monitoring, no IAM authentication, no log exports
          CopyTagsToSnapshot: v.copy_tags_to_snapshot ?? false,
          MonitoringInterval: v.monitoring_interval ?? 0,
          IAMDatabaseAuthenticationEnabled: v.iam_database_authentication_enabled ?? false,
          EnabledCloudwatchLogsExports: v.enabled_cloudwatch_logs_exports ?? [],
        },
      };
    });
}

/** `aws_lambda_function` and the `aws_lambda_permission`s that make up its resource-based policy. */
export function tfLambda(resources: CodeResource[]): { functions: FunctionDraft[]; permissions: PermissionDraft[] } {
  const functions = resources
    .filter((r) => r.type === 'aws_lambda_function')
    .map((r) => ({
      resource: r,
      name: id(r.values.function_name, r.address),
      runtime: r.values.runtime,
      packageType: r.values.package_type ?? 'Zip',
    }));
  const permissions = resources
    .filter((r) => r.type === 'aws_lambda_permission')
    .map((r) => {
      const v = r.values;
      // a qualifier's permission is on that version or alias, not on the function the checks read
      return {
        functionName: v.qualifier === undefined || v.qualifier === null ? v.function_name : undefined,
        statementId: v.statement_id,
        action: v.action,
        principal: v.principal,
        sourceArn: v.source_arn,
        sourceAccount: v.source_account,
        principalOrgId: v.principal_org_id,
        functionUrlAuthType: v.function_url_auth_type,
        span: r.span,
      };
    });
  return { functions, permissions };
}

/** `aws_efs_file_system`: not encrypted unless `encrypted = true` (the provider's and EFS's default). */
export function tfFileSystems(resources: CodeResource[]): FileSystemDraft[] {
  return resources
    .filter((r) => r.type === 'aws_efs_file_system')
    .map((r) => ({
      resource: r,
      id: r.address,
      encrypted: r.values.encrypted ?? false,
      kmsKeyId: r.values.kms_key_id,
      span: spanOfField(r, 'encrypted'),
    }));
}
