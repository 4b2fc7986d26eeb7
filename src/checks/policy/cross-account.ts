import { appliesToAction, isObjectWriteAction, isWriteAction, s3ActionsOf } from './actions.ts';
import { fixedValuesOf } from './conditions.ts';
import type { PolicyDocument, Statement } from './document.ts';
import { accountOfPrincipal, accountsOfPrincipal, publicPrincipalOf } from './principals.ts';

/** Any AWS account (a public principal not narrowed to named accounts). */
export const ANY_ACCOUNT = '*';

/**
 * The actions FSBP S3.6 blocks for other accounts (the default `blacklistedActionPatterns` of
 * the AWS Config rule s3-bucket-blacklisted-actions-prohibited).
 */
export const CROSS_ACCOUNT_BLOCKED_ACTIONS: readonly string[] = [
  's3:DeleteBucketPolicy',
  's3:PutBucketAcl',
  's3:PutBucketPolicy',
  's3:PutEncryptionConfiguration',
  's3:PutObjectAcl',
];

export interface CrossAccountGrant {
  statement: string;
  /** 12-digit ids of accounts other than the owner, or `*` for any account */
  accounts: string[];
  /** S3 actions the statement allows them, expanded from wildcards */
  actions: string[];
  /** of those, the ones FSBP S3.6 blocks */
  blockedActions: string[];
  /** of those, the ones that write data or change access (IAM access levels Write / Permissions management) */
  writeActions: string[];
  /** of those, the ones that write objects (upload, overwrite, delete, change an object's ACL…) */
  objectWriteActions: string[];
}

export interface CrossAccountAnalysis {
  /** whether the owner account was known: without it every named account counts as another one */
  ownerAccountId?: string;
  grants: CrossAccountGrant[];
  /** every other account granted something, sorted; `*` for any account */
  accounts: string[];
}

/**
 * The accounts an Allow statement reaches. A public principal reaches any account unless a
 * fixed aws:PrincipalAccount or aws:PrincipalArn names them; conditions on networks or
 * organizations do not bound the account. Service principals act for AWS, not for an account.
 */
function accountsReached(statement: Statement): string[] {
  if (publicPrincipalOf(statement) !== undefined) {
    const accounts = fixedValuesOf(statement.conditions, 'aws:principalaccount');
    if (accounts) return accounts;
    const arns = fixedValuesOf(statement.conditions, 'aws:principalarn');
    const fromArns = arns?.map(accountOfPrincipal);
    if (fromArns && fromArns.every((a) => a !== undefined)) return fromArns;
    return [ANY_ACCOUNT];
  }
  return statement.principal ? accountsOfPrincipal(statement.principal) : [];
}

export function analyseCrossAccount(document: PolicyDocument, ownerAccountId?: string): CrossAccountAnalysis {
  const grants: CrossAccountGrant[] = [];
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow') continue;
    const accounts = [...new Set(accountsReached(statement))].filter((account) => account !== ownerAccountId);
    const actions = s3ActionsOf(statement);
    if (accounts.length === 0 || actions.length === 0) continue;
    grants.push({
      statement: statement.label,
      accounts,
      actions,
      blockedActions: CROSS_ACCOUNT_BLOCKED_ACTIONS.filter((action) => appliesToAction(statement, action)),
      writeActions: actions.filter(isWriteAction),
      objectWriteActions: actions.filter(isObjectWriteAction),
    });
  }
  const accounts = [...new Set(grants.flatMap((g) => g.accounts))].sort();
  return { ...(ownerAccountId ? { ownerAccountId } : {}), grants, accounts };
}

/** `account 111122223333`, `accounts 1…, 2…`, `any AWS account`, for messages. */
export function describeAccounts(accounts: readonly string[]): string {
  const named = accounts.filter((a) => a !== ANY_ACCOUNT);
  const parts = [
    ...(accounts.includes(ANY_ACCOUNT) ? ['any AWS account'] : []),
    ...(named.length > 0 ? [`${named.length === 1 ? 'account' : 'accounts'} ${named.join(', ')}`] : []),
  ];
  return parts.join(' and ');
}
