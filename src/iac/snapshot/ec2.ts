import type { CodeResource } from '../code-resource.ts';
import { answer, type IacEvidence } from '../evidence.ts';
import { Unknown, textOf, type SourceSpan, type Value } from '../values.ts';
import { regionEntry } from './regional.ts';

export const EC2_OPERATIONS = [
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeInstances',
  'ec2:DescribeVpcs',
  'ec2:DescribeFlowLogs',
  'ec2:GetEbsEncryptionByDefault',
  'ec2:GetInstanceMetadataDefaults',
  'ec2:DescribeVolumes',
] as const;

/** The checks that read an instance's metadata options (IacEvidence.fieldsFor). */
const IMDS_READERS = { HttpTokens: ['ec2-instance-imdsv2-required'] } as const;

/** The checks that read whether an instance has a public IPv4 address. */
const ADDRESS_READERS = { PublicIpAddress: ['ec2-instance-no-public-ipv4'] } as const;

/**
 * What DescribeInstances would say of the instance's public IPv4 address, from the code's associate-public-IP flag:
 * AWS picks the address at launch, so a flag that is on stands for it; a flag left unset leaves it to the subnet.
 */
export function launchAddress(flag: Value | undefined, unsetWhy: string): { PublicIpAddress?: Value } {
  if (flag === undefined || flag === null) return { PublicIpAddress: new Unknown(unsetWhy) };
  if (flag instanceof Unknown) return { PublicIpAddress: flag };
  return flag === true || textOf(flag).toLowerCase() === 'true' ? { PublicIpAddress: '(assigned at launch)' } : {};
}

/** The checks that read a volume's encryption. */
const VOLUME_READERS = { Encrypted: ['ec2-ebs-volume-encrypted'] } as const;

/** One `IpPermissions` entry as DescribeSecurityGroups reports it. */
export interface Permission {
  IpProtocol: Value;
  FromPort?: Value;
  ToPort?: Value;
  IpRanges?: Array<{ CidrIp: Value }>;
  Ipv6Ranges?: Array<{ CidrIpv6: Value }>;
  UserIdGroupPairs?: Array<{ GroupId: Value }>;
  PrefixListIds?: Array<{ PrefixListId: Value }>;
}

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1', '58': 'icmpv6' };
const PROTOCOL_NUMBERS: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', all: '-1', icmpv6: '58' };

/** A rule as the API reports it: named protocols, no ports for "all traffic", empty lists left out. */
export function permission(rule: {
  protocol: Value | undefined;
  from?: Value | undefined;
  to?: Value | undefined;
  cidrs?: Value[];
  ipv6?: Value[];
  groups?: Value[];
  prefixLists?: Value[];
}): Permission {
  const raw = rule.protocol instanceof Unknown ? rule.protocol : textOf(rule.protocol ?? '-1').toLowerCase();
  const protocol = raw instanceof Unknown ? raw : (PROTOCOL_NAMES[raw] ?? raw);
  const out: Permission = { IpProtocol: protocol };
  const everyPort = protocol === '-1' || rule.from === undefined || rule.from === null || rule.from === -1;
  if (!everyPort) {
    out.FromPort = rule.from;
    out.ToPort = rule.to ?? rule.from;
  }
  if (rule.cidrs?.length) out.IpRanges = rule.cidrs.map((CidrIp) => ({ CidrIp }));
  if (rule.ipv6?.length) out.Ipv6Ranges = rule.ipv6.map((CidrIpv6) => ({ CidrIpv6 }));
  if (rule.groups?.length) out.UserIdGroupPairs = rule.groups.map((GroupId) => ({ GroupId }));
  if (rule.prefixLists?.length) out.PrefixListIds = rule.prefixLists.map((PrefixListId) => ({ PrefixListId }));
  return out;
}

/** A NACL entry's protocol as the API reports it: a number as text (`6`), `-1` for all. */
export function aclProtocol(protocol: Value | undefined): Value {
  if (protocol instanceof Unknown) return protocol;
  const text = textOf(protocol ?? '-1').toLowerCase();
  return PROTOCOL_NUMBERS[text] ?? text;
}

/** Whether a rule admits the whole internet: its line is the one to point at. */
export function isOpen(p: { IpRanges?: Array<{ CidrIp: Value }>; Ipv6Ranges?: Array<{ CidrIpv6: Value }> }): boolean {
  return (
    (p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0') || (p.Ipv6Ranges ?? []).some((r) => r.CidrIpv6 === '::/0')
  );
}

interface Located<T> {
  resource: CodeResource;
  item: T;
  /** where the answer's deciding part was written (an open rule), else the resource */
  span: SourceSpan;
}

export interface GroupDraft {
  resource: CodeResource;
  id: string;
  name: Value;
  vpcId?: Value;
  ingress: Array<{ permission: Permission; span: SourceSpan }>;
  egress: Array<{ permission: Permission; span: SourceSpan }>;
  tags?: Value;
}

export interface AclDraft {
  resource: CodeResource;
  id: string;
  vpcId?: Value;
  isDefault: boolean;
  entries: Array<{ entry: Record<string, unknown>; span: SourceSpan }>;
}

/** EC2 evidence from code: resources, rules joined to their group or ACL by id, account settings. */
export class Ec2Drafts {
  /** the root's placeholder account, for the ARNs instances name */
  constructor(readonly accountId: string) {}

  readonly groups = new Map<string, GroupDraft>();
  readonly acls = new Map<string, AclDraft>();
  /** rules declared apart from their group (`aws_security_group_rule`, `AWS::EC2::SecurityGroupIngress`) */
  readonly groupRules: Array<{ groupId: Value; egress: boolean; permission: Permission; span: SourceSpan }> = [];
  readonly aclEntries: Array<{ aclId: Value; entry: Record<string, unknown>; span: SourceSpan }> = [];
  readonly instances: Array<Located<Record<string, unknown>> & { id: string }> = [];
  readonly vpcs: Array<Located<Record<string, unknown>> & { id: string }> = [];
  readonly flowLogs: Array<Record<string, unknown>> = [];
  /** EBS volumes; `Encrypted` unset follows the account's EBS encryption default (known only when the code sets it) */
  readonly volumes: Array<Located<Record<string, unknown>> & { id: string; encrypted: Value | undefined }> = [];
  ebsDefault: { value: unknown; span: SourceSpan } | undefined;
  metadataDefaults: { value: unknown; span: SourceSpan } | undefined;

  get empty(): boolean {
    return (
      this.groups.size + this.acls.size + this.instances.length + this.vpcs.length + this.volumes.length === 0 &&
      !this.ebsDefault &&
      !this.metadataDefaults
    );
  }
}

function tagList(tags: Value | undefined): unknown {
  if (tags === undefined || tags === null) return undefined;
  if (Array.isArray(tags)) return tags;
  if (typeof tags === 'object' && !(tags instanceof Unknown))
    return Object.entries(tags).map(([Key, v]) => ({ Key, Value: v }));
  return undefined;
}

/** The ec2 section of one region as DescribeSecurityGroups, DescribeNetworkAcls… would answer for this code. */
export function writeEc2(drafts: Ec2Drafts, region: string, evidence: IacEvidence): void {
  if (drafts.empty) return;
  const arnOf = (region: string, type: string, id: string) =>
    `arn:aws:ec2:${region}:${evidence.accountId}:${type}/${id}`;
  for (const rule of drafts.groupRules) {
    const group = typeof rule.groupId === 'string' ? drafts.groups.get(rule.groupId) : undefined;
    if (group) (rule.egress ? group.egress : group.ingress).push({ permission: rule.permission, span: rule.span });
  }
  for (const entry of drafts.aclEntries) {
    const acl = typeof entry.aclId === 'string' ? drafts.acls.get(entry.aclId) : undefined;
    if (acl) acl.entries.push({ entry: entry.entry, span: entry.span });
  }
  // every VPC comes with a default security group that admits all traffic from itself and allows all outbound;
  // code changes it only through Terraform's aws_default_security_group (CloudFormation has no resource for it)
  for (const vpc of drafts.vpcs) {
    const managed = [...drafts.groups.values()].some((g) => g.name === 'default' && g.vpcId === vpc.id);
    if (managed) continue;
    const id = `${vpc.id}.default_security_group`;
    drafts.groups.set(id, {
      resource: vpc.resource,
      id,
      name: 'default',
      vpcId: vpc.id,
      ingress: [{ permission: { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: id }] }, span: vpc.resource.span }],
      egress: [{ permission: { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }, span: vpc.resource.span }],
    });
  }
  const entry = regionEntry(evidence, 'ec2', region);
  const groups = [...drafts.groups.values()].map((g) => {
    const arn = arnOf(region, 'security-group', g.id);
    evidence.declareCode(arn, g.resource);
    const open = [...g.ingress, ...g.egress].find((r) => isOpen(r.permission));
    evidence.source(arn, 'ec2:DescribeSecurityGroups', open?.span ?? g.resource.span);
    return evidence.listed(arn, 'ec2:DescribeSecurityGroups', {
      GroupId: g.id,
      GroupName: g.name,
      ...(g.vpcId !== undefined && g.vpcId !== null ? { VpcId: g.vpcId } : {}),
      OwnerId: evidence.accountId,
      IpPermissions: g.ingress.map((r) => r.permission),
      IpPermissionsEgress: g.egress.map((r) => r.permission),
      ...(tagList(g.tags) ? { Tags: tagList(g.tags) } : {}),
    });
  });
  entry.DescribeSecurityGroups = answer({ SecurityGroups: groups });
  const acls = [...drafts.acls.values()].map((a) => {
    const arn = arnOf(region, 'network-acl', a.id);
    evidence.declareCode(arn, a.resource);
    const open = a.entries.find(
      (e) =>
        e.entry.RuleAction === 'allow' &&
        isOpen({
          IpRanges: [{ CidrIp: e.entry.CidrBlock as Value }],
          Ipv6Ranges: [{ CidrIpv6: e.entry.Ipv6CidrBlock as Value }],
        }),
    );
    evidence.source(arn, 'ec2:DescribeNetworkAcls', open?.span ?? a.resource.span);
    // every ACL ends with the rules AWS adds and nobody can remove: deny everything else
    const last = [false, true].map((egress) => ({
      RuleNumber: 32767,
      Protocol: '-1',
      RuleAction: 'deny',
      Egress: egress,
      CidrBlock: '0.0.0.0/0',
    }));
    return evidence.listed(arn, 'ec2:DescribeNetworkAcls', {
      NetworkAclId: a.id,
      ...(a.vpcId !== undefined && a.vpcId !== null ? { VpcId: a.vpcId } : {}),
      IsDefault: a.isDefault,
      OwnerId: evidence.accountId,
      Entries: [...a.entries.map((e) => e.entry), ...last],
    });
  });
  entry.DescribeNetworkAcls = answer({ NetworkAcls: acls });
  const instances = drafts.instances.map((i) => {
    const arn = arnOf(region, 'instance', i.id);
    evidence.declareCode(arn, i.resource);
    evidence.source(arn, 'ec2:DescribeInstances', i.span);
    // HttpTokens left to the AMI and the account default holds back only the IMDSv2 verdict, not the instance's others
    const options = i.item.MetadataOptions as Record<string, unknown> | undefined;
    const item = options ? { ...i.item, MetadataOptions: evidence.fieldsFor(arn, options, IMDS_READERS) } : i.item;
    return evidence.listed(arn, 'ec2:DescribeInstances', evidence.fieldsFor(arn, item, ADDRESS_READERS));
  });
  entry.DescribeInstances = answer({
    Reservations: instances.length ? [{ Instances: instances, OwnerId: evidence.accountId }] : [],
  });
  const vpcs = drafts.vpcs.map((v) => {
    const arn = arnOf(region, 'vpc', v.id);
    evidence.declareCode(arn, v.resource);
    evidence.source(arn, 'ec2:DescribeVpcs', v.span);
    return evidence.listed(arn, 'ec2:DescribeVpcs', v.item);
  });
  entry.DescribeVpcs = answer({ Vpcs: vpcs });
  entry.DescribeFlowLogs = answer({ FlowLogs: drafts.flowLogs });
  const byDefault = (drafts.ebsDefault?.value as { EbsEncryptionByDefault?: unknown } | undefined)
    ?.EbsEncryptionByDefault;
  const volumes = drafts.volumes.map((v) => {
    const arn = arnOf(region, 'volume', v.id);
    evidence.declareCode(arn, v.resource);
    evidence.source(arn, 'ec2:DescribeVolumes', v.span);
    // CreateVolume without Encrypted encrypts when the account's default says so, which this code may not set
    const encrypted =
      v.encrypted === true || byDefault === true
        ? true
        : v.encrypted instanceof Unknown
          ? v.encrypted
          : byDefault === false
            ? false
            : new Unknown(
                `${v.resource.address} is not encrypted by its own setting; the account's EBS encryption default (not set in this code) decides`,
              );
    const item = evidence.fieldsFor(arn, { ...v.item, Encrypted: encrypted }, VOLUME_READERS);
    return evidence.listed(arn, 'ec2:DescribeVolumes', item);
  });
  entry.DescribeVolumes = answer({ Volumes: volumes });
  entry.GetEbsEncryptionByDefault = answer(
    drafts.ebsDefault?.value ??
      new Unknown(
        'EBS encryption by default is an account setting this code does not set (aws_ebs_encryption_by_default)',
      ),
  );
  if (drafts.ebsDefault) evidence.source('region', 'ec2:GetEbsEncryptionByDefault', drafts.ebsDefault.span);
  entry.GetInstanceMetadataDefaults = answer(
    drafts.metadataDefaults?.value ??
      new Unknown(
        'the account default for instance metadata is not set in this code (aws_ec2_instance_metadata_defaults)',
      ),
  );
  if (drafts.metadataDefaults)
    evidence.source('region', 'ec2:GetInstanceMetadataDefaults', drafts.metadataDefaults.span);
}
