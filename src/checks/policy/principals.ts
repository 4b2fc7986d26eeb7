import type { PrincipalElement, Statement } from './document.ts';

const ACCOUNT_ID = /^\d{12}$/;
/** `arn:aws:iam::123456789012:role/x`, `arn:aws:sts::123456789012:assumed-role/…`, `…:root` */
const PRINCIPAL_ARN = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/;

/** The account an AWS principal value names (an account id or an IAM/STS ARN), if it names one. */
export function accountOfPrincipal(value: string): string | undefined {
  if (ACCOUNT_ID.test(value)) return value;
  return PRINCIPAL_ARN.exec(value)?.[1];
}

/**
 * Why a principal element lets anyone in, or undefined when it names fixed principals.
 * AWS: `*`, `{"AWS": "*"}`; a federated web identity provider (e.g. `graph.facebook.com`) is
 * public in AWS's own examples because anyone can sign in to it. A SAML/OIDC provider ARN
 * belongs to one account, and service principals are never public.
 */
export function publicPrincipal(element: PrincipalElement): string | undefined {
  if (element.kind === 'any') return 'Principal "*"';
  for (const [type, values] of Object.entries(element.entries)) {
    const wildcard = values.find((value) => value.includes('*'));
    if (wildcard !== undefined && type !== 'Service') return `Principal {"${type}": "${wildcard}"}`;
    if (type === 'Federated') {
      const webIdentity = values.find((value) => !value.startsWith('arn:'));
      if (webIdentity !== undefined) return `federated web identity provider ${webIdentity}`;
    }
  }
  return undefined;
}

/** `*` or `{"AWS": "*"}`: every principal, as a Deny must name them to cover all requests. */
export function isEveryone(element: PrincipalElement | undefined): boolean {
  if (!element) return false;
  return element.kind === 'any' || (element.entries.AWS ?? []).includes('*');
}

/** Why the statement's principal is public (Principal `*`, NotPrincipal with Allow…), or undefined. */
export function publicPrincipalOf(statement: Statement): string | undefined {
  if (statement.notPrincipal) return 'NotPrincipal (everyone except the listed principals)';
  return statement.principal ? publicPrincipal(statement.principal) : undefined;
}

/** The accounts an explicit (non-public) principal element names; service and canonical-user principals name none. */
export function accountsOfPrincipal(element: PrincipalElement): string[] {
  if (element.kind === 'any') return [];
  return (element.entries.AWS ?? []).flatMap((value) => {
    const account = accountOfPrincipal(value);
    return account ? [account] : [];
  });
}

/** Service principals of a statement, e.g. `cloudfront.amazonaws.com`, for messages. */
export function servicePrincipals(statement: Statement): string[] {
  return statement.principal?.kind === 'map' ? (statement.principal.entries.Service ?? []) : [];
}
