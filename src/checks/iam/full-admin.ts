/**
 * What makes an identity policy "full administrator" (CIS "*:*", FSBP IAM.1): an Allow statement whose
 * actions include `*` (or `*:*`) and whose resources include `*`. Shared by the policy check and the
 * principal check. The policy analysis in ../policy/ reads resource policies (it requires a Principal),
 * which identity policies never have, so these few lines read the statements themselves.
 */

export interface FullAdminStatement {
  sid?: string;
  conditional: boolean;
}

export interface NearAdminStatement {
  sid?: string;
  element: 'NotAction' | 'NotResource';
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function statementsOf(document: unknown): Record<string, unknown>[] | undefined {
  if (document === null || typeof document !== 'object') return undefined;
  return list((document as { Statement?: unknown }).Statement).filter((s): s is Record<string, unknown> => s !== null && typeof s === 'object');
}

const everyAction = (value: unknown) => list(value).some((a) => a === '*' || a === '*:*');
const everyResource = (value: unknown) => list(value).some((r) => r === '*');

/** Statements that allow every action (`*` or `*:*`) on every resource (`*`); undefined when the document is not a JSON object. */
export function fullAdminStatements(document: unknown): FullAdminStatement[] | undefined {
  return statementsOf(document)?.flatMap((st) => {
    if (st.Effect !== 'Allow' || !everyAction(st.Action) || !everyResource(st.Resource)) return [];
    return [{ ...(typeof st.Sid === 'string' ? { sid: st.Sid } : {}), conditional: st.Condition !== undefined }];
  });
}

/**
 * Allow statements that come close without being "*" on "*": every action but a few (`NotAction`) on `*`,
 * or every action on everything but a few resources (`NotResource`). Not full administrator, but worth a look.
 */
export function nearAdminStatements(document: unknown): NearAdminStatement[] {
  return (statementsOf(document) ?? []).flatMap((st): NearAdminStatement[] => {
    if (st.Effect !== 'Allow') return [];
    const element = st.NotAction !== undefined && everyResource(st.Resource) ? 'NotAction' : st.NotResource !== undefined && everyAction(st.Action) ? 'NotResource' : undefined;
    if (!element) return [];
    return [{ ...(typeof st.Sid === 'string' ? { sid: st.Sid } : {}), element }];
  });
}

/** `statement Admin (with a condition), a statement` as messages name them. */
export function describeStatements(found: readonly FullAdminStatement[]): string {
  return found.map((s) => `${s.sid ? `statement ${s.sid}` : 'a statement'}${s.conditional ? ' (with a condition)' : ''}`).join(', ');
}
