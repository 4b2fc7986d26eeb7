/**
 * What makes an identity policy "full administrator" (CIS "*:*", FSBP IAM.1): an Allow statement whose
 * actions include `*` (or `*:*`) and whose resources include `*`. Shared by the policy check and the
 * principal check. The statements are read by ../policy/identity-policy.ts (the resource-policy reader there
 * requires a Principal, which identity policies never have).
 */
import { asList, identityStatements } from '../policy/index.ts';

export interface FullAdminStatement {
  sid?: string;
  conditional: boolean;
}

export interface NearAdminStatement {
  sid?: string;
  element: 'NotAction' | 'NotResource';
}

const everyAction = (value: unknown) => asList(value).some((a) => a === '*' || a === '*:*');
const everyResource = (value: unknown) => asList(value).some((r) => r === '*');
const sidOf = (st: { sid?: string }) => (st.sid !== undefined ? { sid: st.sid } : {});

/** Statements that allow every action (`*` or `*:*`) on every resource (`*`); undefined when the document is not a JSON object. */
export function fullAdminStatements(document: unknown): FullAdminStatement[] | undefined {
  return identityStatements(document)?.flatMap((st) => {
    if (st.effect !== 'Allow' || !everyAction(st.action) || !everyResource(st.resource)) return [];
    return [{ ...sidOf(st), conditional: st.conditional }];
  });
}

/**
 * Allow statements that come close without being "*" on "*": every action but a few (`NotAction`) on `*`,
 * or every action on everything but a few resources (`NotResource`). Not full administrator, but worth a look.
 */
export function nearAdminStatements(document: unknown): NearAdminStatement[] {
  return (identityStatements(document) ?? []).flatMap((st): NearAdminStatement[] => {
    if (st.effect !== 'Allow') return [];
    const element =
      st.notAction !== undefined && everyResource(st.resource)
        ? 'NotAction'
        : st.notResource !== undefined && everyAction(st.action)
          ? 'NotResource'
          : undefined;
    if (!element) return [];
    return [{ ...sidOf(st), element }];
  });
}

/** `statement Admin (with a condition), a statement` as messages name them. */
export function describeStatements(found: readonly FullAdminStatement[]): string {
  return found
    .map((s) => `${s.sid ? `statement ${s.sid}` : 'a statement'}${s.conditional ? ' (with a condition)' : ''}`)
    .join(', ');
}
