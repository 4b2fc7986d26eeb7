/**
 * cloudwarden's own `cw.*` fields: verdicts that need more than one JSON value (is this bucket
 * policy public? is this grant open to everyone?), so that rules never guess with substrings.
 */
import { isPolicyPublic } from '../../checks/policy/index.ts';
import { asList, type FieldEvent, isRecord, ownAccount, pathOf, stringAt } from './event.ts';
import { shareGrantees, sharedExternally, sharedPublicly } from './share-grants.ts';
import type { FieldEntry } from './spec.ts';

const PUBLIC_GROUPS = [
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
];
const PUBLIC_CANNED_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PAB_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

/** CloudTrail writes the bucket policy as an object; other tools store its JSON text. */
function bucketPolicy(ev: FieldEvent): boolean | undefined {
  const policy = pathOf(ev.record, 'requestParameters', 'bucketPolicy');
  if (policy === undefined || policy === null) return undefined;
  return isPolicyPublic(policy);
}

/** PutBucketAcl / PutObjectAcl: a grant to AllUsers or AuthenticatedUsers, or a public canned ACL header. */
function aclPublic(ev: FieldEvent): boolean | undefined {
  const params = ev.record.requestParameters;
  if (!isRecord(params)) return undefined;
  const grants = asList(pathOf(params, 'AccessControlPolicy', 'AccessControlList', 'Grant'));
  const canned = asList(params['x-amz-acl']).filter((v): v is string => typeof v === 'string');
  const headerGrants = Object.keys(params).filter((k) => k.startsWith('x-amz-grant-'));
  if (grants.length === 0 && canned.length === 0 && headerGrants.length === 0) return undefined;
  if (canned.some((acl) => PUBLIC_CANNED_ACLS.has(acl))) return true;
  for (const grant of grants) {
    const uri = stringAt(grant, 'Grantee', 'URI');
    if (uri !== undefined && PUBLIC_GROUPS.includes(uri)) return true;
  }
  for (const header of headerGrants) {
    const values = asList(params[header]).filter((v): v is string => typeof v === 'string');
    if (values.some((v) => PUBLIC_GROUPS.some((group) => v.includes(group)))) return true;
  }
  return false;
}

/** Put{Bucket,Account}PublicAccessBlock with any of the four settings off. */
function pabDisabled(ev: FieldEvent): boolean | undefined {
  const config = pathOf(ev.record, 'requestParameters', 'PublicAccessBlockConfiguration');
  if (!isRecord(config)) return undefined;
  return PAB_FLAGS.some((flag) => config[flag] !== true && config[flag] !== 'true');
}

function isZeroPrefix(cidr: unknown): boolean {
  return typeof cidr === 'string' && /\/0$/.test(cidr.trim());
}

const ADMIN_PORTS = [22, 3389];

function coversAdminPort(from: unknown, to: unknown, protocol: unknown): boolean {
  if (protocol === '-1' || protocol === -1 || protocol === 'all') return true;
  const lo = Number(from);
  const hi = Number(to);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return false;
  if (lo === -1 && hi === -1) return true;
  return ADMIN_PORTS.some((port) => lo <= port && port <= hi);
}

/**
 * AuthorizeSecurityGroupIngress opening SSH or RDP (or every port) to any address (a /0 range,
 * 0.0.0.0/0 or ::/0). CloudTrail records the old single-rule form (cidrIp, fromPort, toPort) and
 * the ipPermissions.items form with ipRanges and ipv6Ranges.
 */
function sgAdminPortOpen(ev: FieldEvent): boolean | undefined {
  const params = ev.record.requestParameters;
  if (!isRecord(params)) return undefined;
  if (isZeroPrefix(params.cidrIp) && coversAdminPort(params.fromPort, params.toPort, params.ipProtocol)) return true;
  for (const perm of asList(pathOf(params, 'ipPermissions', 'items'))) {
    if (!isRecord(perm)) continue;
    const ranges = [
      ...asList(pathOf(perm, 'ipRanges', 'items')).map((r) => stringAt(r, 'cidrIp')),
      ...asList(pathOf(perm, 'ipv6Ranges', 'items')).map((r) => stringAt(r, 'cidrIpv6')),
    ];
    if (ranges.some(isZeroPrefix) && coversAdminPort(perm.fromPort, perm.toPort, perm.ipProtocol)) return true;
  }
  return false;
}

/** The account a principal value names (`*` for anyone): an account ID or an IAM/STS ARN; undefined for anything else. */
function accountOfPrincipal(value: string): string | undefined {
  if (value === '*' || /^\d{12}$/.test(value)) return value;
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(value)?.[1];
}

/** The account IDs a trust policy lets assume the role; `*` for anyone. */
function trustedAccounts(policy: unknown): string[] {
  let doc = policy;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const accounts: string[] = [];
  for (const statement of asList(pathOf(doc, 'Statement'))) {
    if (!isRecord(statement) || statement.Effect !== 'Allow') continue;
    const principal = statement.Principal;
    if (principal === '*') accounts.push('*');
    for (const value of asList(pathOf(principal, 'AWS'))) {
      const account = typeof value === 'string' ? accountOfPrincipal(value) : undefined;
      if (account !== undefined) accounts.push(account);
    }
  }
  return accounts;
}

function trustExternal(ev: FieldEvent): boolean | undefined {
  const params = ev.record.requestParameters;
  const doc = pathOf(params, 'policyDocument') ?? pathOf(params, 'assumeRolePolicyDocument');
  if (doc === undefined || doc === null) return undefined;
  const own = ownAccount(ev);
  return trustedAccounts(doc).some((account) => account === '*' || account !== own);
}

/**
 * A resource-based permission (Lambda AddPermission) granted to anyone or to another account. `*` fenced by a
 * principalOrgID stays inside the organisation; a service principal is AWS itself unless a sourceAccount names
 * another account (that account's bucket or topic may then invoke).
 */
function permissionExternal(ev: FieldEvent): boolean | undefined {
  const params = ev.record.requestParameters;
  const principal = stringAt(params, 'principal');
  if (principal === undefined) return undefined;
  const own = ownAccount(ev);
  if (principal === '*') return stringAt(params, 'principalOrgID') === undefined;
  const sourceAccount = stringAt(params, 'sourceAccount');
  if (/\.amazonaws\.com(\.cn)?$/.test(principal)) return sourceAccount !== undefined && sourceAccount !== own;
  const account = accountOfPrincipal(principal);
  return account !== undefined && account !== own;
}

/** Replication rules whose destination names an account other than the bucket owner's. */
function replicationCrossAccount(ev: FieldEvent): boolean | undefined {
  const rules = asList(pathOf(ev.record, 'requestParameters', 'ReplicationConfiguration', 'Rule'));
  if (rules.length === 0) return undefined;
  const own = ownAccount(ev);
  return rules.some((rule) => {
    const account = stringAt(rule, 'Destination', 'Account');
    return account !== undefined && account !== own;
  });
}

function isEnabled(rule: unknown): boolean {
  return stringAt(rule, 'Status') === 'Enabled';
}

/** A rule without a prefix, tag or size filter applies to every object in the bucket. */
function appliesToEverything(rule: unknown): boolean {
  if (!isRecord(rule)) return false;
  const prefix = rule.Prefix;
  if (typeof prefix === 'string' && prefix !== '') return false;
  const filter = rule.Filter;
  if (filter === undefined || filter === null) return true;
  if (!isRecord(filter)) return false;
  return Object.entries(filter).every(
    ([key, value]) => key === 'xmlns' || (key === 'Prefix' && (value === '' || value === null)),
  );
}

/** PutBucketLifecycle(Configuration) with an enabled rule expiring every current object. */
function lifecycleExpiresAll(ev: FieldEvent): boolean | undefined {
  const rules = asList(pathOf(ev.record, 'requestParameters', 'LifecycleConfiguration', 'Rule'));
  if (rules.length === 0) return undefined;
  return rules.some(
    (rule) =>
      isEnabled(rule) &&
      appliesToEverything(rule) &&
      isRecord(pathOf(rule, 'Expiration')) &&
      (pathOf(rule, 'Expiration', 'Days') !== undefined || pathOf(rule, 'Expiration', 'Date') !== undefined),
  );
}

const DAY_MS = 86_400_000;

/** Days until a rule's Expiration takes current objects: its Days, or the days from the event to its Date (0 once past). */
function expirationDays(rule: unknown, eventTime: number): number | undefined {
  const days = Number(pathOf(rule, 'Expiration', 'Days'));
  if (pathOf(rule, 'Expiration', 'Days') !== undefined && Number.isFinite(days) && days >= 0) return days;
  const date = Date.parse(stringAt(rule, 'Expiration', 'Date') ?? '');
  if (Number.isNaN(date) || Number.isNaN(eventTime)) return undefined;
  return Math.max(0, Math.ceil((date - eventTime) / DAY_MS));
}

/**
 * The fewest days after which an enabled lifecycle rule in the request expires current objects; with `only`, among
 * the rules it accepts.
 */
function fewestExpiryDays(ev: FieldEvent, only: (rule: unknown) => boolean = () => true): number | undefined {
  const eventTime = Date.parse(stringAt(ev.record, 'eventTime') ?? '');
  let fewest: number | undefined;
  for (const rule of asList(pathOf(ev.record, 'requestParameters', 'LifecycleConfiguration', 'Rule'))) {
    if (!isEnabled(rule) || !only(rule)) continue;
    const days = expirationDays(rule, eventTime);
    if (days !== undefined && (fewest === undefined || days < fewest)) fewest = days;
  }
  return fewest;
}

/** Where a lifecycle rule's filter starts: Prefix, Filter.Prefix or Filter.And.Prefix ('' for the whole bucket). */
function rulePrefix(rule: unknown): string {
  return (
    stringAt(rule, 'Prefix') ?? stringAt(rule, 'Filter', 'Prefix') ?? stringAt(rule, 'Filter', 'And', 'Prefix') ?? ''
  );
}

/**
 * Lifecycle rules that reach logs a trail delivers: objects under AWSLogs/ (where CloudTrail, and also VPC flow logs
 * and load balancers, write), or any rule of a bucket named for CloudTrail (the console's default
 * aws-cloudtrail-logs-ACCOUNT-ID). A trail writing to a bucket with another name under a custom prefix is not seen.
 */
function logExpiryDays(ev: FieldEvent): number | undefined {
  const trailBucket = /cloudtrail/i.test(stringAt(ev.record, 'requestParameters', 'bucketName') ?? '');
  return fewestExpiryDays(ev, (rule) => trailBucket || rulePrefix(rule).startsWith('AWSLogs'));
}

/** The caller belongs to another account than the one that received the event (or is anonymous). */
function callerExternal(ev: FieldEvent): boolean | undefined {
  const caller = stringAt(ev.record, 'userIdentity', 'accountId');
  const own = stringAt(ev.record, 'recipientAccountId');
  if (caller === undefined || own === undefined) return undefined;
  return caller !== own;
}

/** An IAM call that names a user other than the caller (CreateAccessKey for someone else). */
function targetOtherUser(ev: FieldEvent): boolean | undefined {
  const target = stringAt(ev.record, 'requestParameters', 'userName');
  if (target === undefined) return undefined;
  const type = stringAt(ev.record, 'userIdentity', 'type');
  if (type !== 'IAMUser') return true;
  return stringAt(ev.record, 'userIdentity', 'userName') !== target;
}

const EXCLUDING_OPERATORS = ['NotEquals', 'NotStartsWith', 'NotEndsWith'];

/**
 * PutEventSelectors that log less: a basic selector without management events, with only read or
 * only write events, or excluding event sources; an advanced selector that excludes values or
 * leaves out management events altogether.
 */
function selectorsReduced(ev: FieldEvent): boolean | undefined {
  const params = ev.record.requestParameters;
  if (!isRecord(params)) return undefined;
  const basic = asList(params.eventSelectors);
  const advanced = asList(params.advancedEventSelectors);
  if (basic.length === 0 && advanced.length === 0) return undefined;
  for (const selector of basic) {
    if (!isRecord(selector)) continue;
    if (selector.includeManagementEvents === false) return true;
    if (selector.readWriteType === 'ReadOnly' || selector.readWriteType === 'WriteOnly') return true;
    if (asList(selector.excludeManagementEventSources).length > 0) return true;
  }
  if (advanced.length > 0) {
    let management = false;
    for (const selector of advanced) {
      for (const fieldSelector of asList(pathOf(selector, 'fieldSelectors'))) {
        if (!isRecord(fieldSelector)) continue;
        if (EXCLUDING_OPERATORS.some((op) => asList(fieldSelector[op]).length > 0)) return true;
        if (fieldSelector.field === 'eventCategory' && asList(fieldSelector.equals).includes('Management'))
          management = true;
      }
    }
    if (!management) return true;
  }
  return false;
}

function bool(description: string, read: (ev: FieldEvent) => boolean | undefined): FieldEntry {
  return { type: 'bool', description, read };
}

export const CLOUDWARDEN_FIELDS: Record<string, FieldEntry> = {
  'cw.policy.public': bool(
    'true when the bucket policy in the request (requestParameters.bucketPolicy) grants public access, by the same analysis as the posture checks; no value without a policy, or when part of the policy cannot be read (e.g. it is larger than the 20 KB AWS accepts) and the rest is not public.',
    bucketPolicy,
  ),
  'cw.acl.public': bool(
    'true when an ACL in the request grants AllUsers or AuthenticatedUsers, or sets a public canned ACL (public-read, public-read-write, authenticated-read); no value without an ACL.',
    aclPublic,
  ),
  'cw.pab.disabled': bool(
    'true when a PublicAccessBlockConfiguration in the request turns any of its four settings off; no value without one.',
    pabDisabled,
  ),
  'cw.sg.adminport.open': bool(
    'true when a security group ingress request opens port 22 or 3389 (or all ports) to a /0 range (0.0.0.0/0, ::/0).',
    sgAdminPortOpen,
  ),
  'cw.trust.external': bool(
    'true when the role trust policy in the request lets another account (or anyone) assume the role; no value without a trust policy.',
    trustExternal,
  ),
  'cw.permission.external': bool(
    'true when a resource-based permission in the request (requestParameters.principal, as in Lambda AddPermission) is granted to anyone (`*` without a principalOrgID), to another account, or to a service on behalf of another account (sourceAccount); no value without a principal.',
    permissionExternal,
  ),
  'cw.replication.crossaccount': bool(
    'true when a replication rule in the request sends objects to a bucket owned by another account (Destination.Account); no value without replication rules.',
    replicationCrossAccount,
  ),
  'cw.lifecycle.expiresall': bool(
    'true when a lifecycle rule in the request is enabled, has no prefix, tag or size filter and expires objects; no value without lifecycle rules.',
    lifecycleExpiresAll,
  ),
  'cw.lifecycle.expirydays': {
    type: 'uint64',
    description:
      "the fewest days after which an enabled lifecycle rule in the request expires current objects (Expiration.Days, or the days from the event to Expiration.Date, 0 once past), whatever the rule's filter; no value when no enabled rule expires objects.",
    read: (ev) => fewestExpiryDays(ev),
  },
  'cw.lifecycle.logexpirydays': {
    type: 'uint64',
    description:
      'as cw.lifecycle.expirydays, among the rules that reach trail logs: objects under AWSLogs/ (where CloudTrail, VPC flow logs and load balancers deliver), or any object of a bucket whose name contains "cloudtrail".',
    read: logExpiryDays,
  },
  'cw.trail.selectorsreduced': bool(
    'true when PutEventSelectors logs less: management events excluded, only read or only write events, excluded event sources, or advanced selectors that exclude values or leave out management events.',
    selectorsReduced,
  ),
  'cw.caller.external': bool(
    'true when the caller (userIdentity.accountId) is not the account that received the event (recipientAccountId), including anonymous callers.',
    callerExternal,
  ),
  'cw.target.otheruser': bool(
    'true when the request names an IAM user (requestParameters.userName) other than the calling IAM user (always true for callers that are not IAM users).',
    targetOtherUser,
  ),
  'cw.share.grantees': {
    type: 'string',
    description:
      'the accounts (or all) that the request adds to an AMI launch permission, an EBS snapshot create-volume permission or an RDS (cluster) snapshot restore attribute, comma-separated, organization and OU ARNs included; no value when it adds none.',
    read: shareGrantees,
  },
  'cw.share.external': bool(
    "true when such a request shares with everyone (all) or with an account ID other than the event's own (an organization or OU of the owner is not external); no value for other requests.",
    sharedExternally,
  ),
  'cw.share.public': bool(
    'true when such a request shares with everyone (the group or value all); no value for other requests.',
    sharedPublicly,
  ),
};
