import type { CodeResource } from '../code-resource.ts';
import { answer, type IacEvidence } from '../evidence.ts';
import { firstUnknown, Unknown, type SourceSpan, type Value } from '../values.ts';

export const IAM_OPERATIONS = [
  'iam:ListPolicies',
  'iam:GetPolicyVersion',
  'iam:GetAccountAuthorizationDetails',
] as const;

/**
 * The one AWS managed policy whose document the code can know without asking AWS: AdministratorAccess allows
 * everything, and attaching it is what the full-administrator checks look for. Other AWS managed policies attached
 * in code make their principal's verdict unknown (their documents are AWS's, not the code's).
 */
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const ADMINISTRATOR_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export type PrincipalType = 'user' | 'group' | 'role';

/** A customer managed policy the code creates. */
export interface ManagedPolicyDraft {
  resource: CodeResource;
  name: string;
  path: string;
  /** a JSON string (Terraform) or an object (CloudFormation) */
  document: Value;
  documentSpan: SourceSpan;
}

/** A user, group or role the code creates, with the policies written on it or attached to it anywhere in the code. */
export interface PrincipalDraft {
  resource: CodeResource;
  type: PrincipalType;
  name: string;
  path: string;
  inline: Array<{ name: Value; document: Value }>;
  managed: Value[];
  /** users: the groups they are in */
  groups: Value[];
  permissionsBoundary?: Value;
  assumeRolePolicy?: Value;
}

/** IAM as the code declares it: policies, principals, and the attachments that join them (in any order). */
export class IamDrafts {
  /** the root's placeholder account, for the ARNs attachments name */
  constructor(readonly accountId: string) {}

  readonly policies: ManagedPolicyDraft[] = [];
  private readonly principals = new Map<string, PrincipalDraft>();

  principal(draft: Omit<PrincipalDraft, 'inline' | 'managed' | 'groups'>): PrincipalDraft {
    const key = `${draft.type}:${draft.name}`;
    const known = this.principals.get(key);
    if (known) return known;
    const created: PrincipalDraft = { ...draft, inline: [], managed: [], groups: [] };
    this.principals.set(key, created);
    return created;
  }

  /**
   * The principal an attachment resource names. Attachments are read after every principal, so the order of
   * the code does not matter; one naming a principal the code does not create (made elsewhere) has nothing to
   * join and is left out.
   */
  named(type: PrincipalType, name: Value | undefined): PrincipalDraft | undefined {
    return typeof name === 'string' ? this.principals.get(`${type}:${name}`) : undefined;
  }

  all(): PrincipalDraft[] {
    return [...this.principals.values()];
  }
}

/** A policy document as IAM returns it: URL-encoded JSON. An unresolved part keeps the document unresolved. */
function encoded(document: Value): Value {
  const unknown = firstUnknown(document);
  if (unknown) return unknown;
  if (typeof document === 'string') {
    // a document that is not JSON is passed on as written: the normaliser reports it as malformed
    try {
      return encodeURIComponent(JSON.stringify(JSON.parse(document)));
    } catch {
      return document;
    }
  }
  if (document === null) return new Unknown('the policy has no document');
  return encodeURIComponent(JSON.stringify(document));
}

export function policyArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${name}`;
}

function principalArn(accountId: string, type: PrincipalType, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${type}${path}${name}`;
}

/**
 * ListPolicies, GetPolicyVersion and GetAccountAuthorizationDetails as IAM would answer them once the code is
 * applied. Unlike a live scan, a customer managed policy is listed whether or not the code attaches it: the
 * attachment may live in another repository, and the pull request that writes "*" on "*" is the one to stop.
 */
export function writeIam(drafts: IamDrafts, evidence: IacEvidence): void {
  const principals = drafts.all();
  if (drafts.policies.length === 0 && principals.length === 0) return;
  const attachments = new Map<string, number>();
  for (const p of principals)
    for (const arn of p.managed) if (typeof arn === 'string') attachments.set(arn, (attachments.get(arn) ?? 0) + 1);

  const versions: Record<string, unknown> = {};
  const listed = drafts.policies.map((p) => {
    const arn = policyArn(evidence.accountId, p.path, p.name);
    evidence.declareCode(arn, p.resource);
    versions[arn] = answer({
      PolicyVersion: { Document: encoded(p.document), VersionId: 'v1', IsDefaultVersion: true },
    });
    evidence.source(arn, 'iam:GetPolicyVersion', p.documentSpan);
    evidence.source(arn, 'iam:ListPolicies', p.resource.span);
    return {
      PolicyName: p.name,
      PolicyId: p.resource.address,
      Arn: arn,
      Path: p.path,
      DefaultVersionId: 'v1',
      AttachmentCount: attachments.get(arn) ?? 0,
    };
  });
  if (attachments.has(ADMINISTRATOR_ACCESS)) {
    listed.push({
      PolicyName: 'AdministratorAccess',
      PolicyId: 'AdministratorAccess',
      Arn: ADMINISTRATOR_ACCESS,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: attachments.get(ADMINISTRATOR_ACCESS) ?? 0,
    });
    versions[ADMINISTRATOR_ACCESS] = {
      PolicyVersion: {
        Document: encodeURIComponent(JSON.stringify(ADMINISTRATOR_DOCUMENT)),
        VersionId: 'v1',
        IsDefaultVersion: true,
      },
    };
  }

  const detail = (p: PrincipalDraft) => {
    const arn = principalArn(evidence.accountId, p.type, p.path, p.name);
    evidence.declareCode(arn, p.resource);
    evidence.source(arn, 'iam:GetAccountAuthorizationDetails', p.resource.span);
    const inline = p.inline.map((i) => ({ PolicyName: i.name, PolicyDocument: encoded(i.document) }));
    const managed = p.managed.map((m) => ({
      PolicyName: typeof m === 'string' ? m.slice(m.lastIndexOf('/') + 1) : m,
      PolicyArn: m,
    }));
    const item: Record<string, unknown> = {
      Path: p.path,
      Arn: arn,
      CreateDate: evidence.snapshot.collectedAt,
      AttachedManagedPolicies: managed,
      ...(p.permissionsBoundary !== undefined && p.permissionsBoundary !== null
        ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: p.permissionsBoundary } }
        : {}),
    };
    if (p.type === 'user') Object.assign(item, { UserName: p.name, UserPolicyList: inline, GroupList: p.groups });
    else if (p.type === 'group') Object.assign(item, { GroupName: p.name, GroupPolicyList: inline });
    else
      Object.assign(item, {
        RoleName: p.name,
        RolePolicyList: inline,
        InstanceProfileList: [],
        ...(p.assumeRolePolicy !== undefined ? { AssumeRolePolicyDocument: encoded(p.assumeRolePolicy) } : {}),
      });
    // an unresolved document or name makes this principal's verdicts unknown, not its neighbours'
    return evidence.listed(arn, 'iam:GetAccountAuthorizationDetails', item);
  };
  const entry = (evidence.snapshot.iam ??= {}) as Record<string, unknown>;
  entry.ListPolicies = { Policies: listed };
  entry.GetPolicyVersion = versions;
  entry.GetAccountAuthorizationDetails = {
    UserDetailList: principals.filter((p) => p.type === 'user').map(detail),
    GroupDetailList: principals.filter((p) => p.type === 'group').map(detail),
    RoleDetailList: principals.filter((p) => p.type === 'role').map(detail),
  };
}
