/**
 * Acceptances made in the dashboard (origin `ui`), beside those a scan recorded from an accept file (origin
 * `file:line`): who, why, until when. A dashboard acceptance ends when it is revoked or its last day has passed; a
 * file acceptance lasts while scans keep applying it, and only the file can end it. The live dashboard ones export
 * as an accept file (docs/accept.md), so that a decision taken in the browser can move into the repository.
 */
import { stringify } from 'yaml';
import { UserError } from '../errors.ts';
import { isCalendarDate } from '../findings/accept-file.ts';
import type { StoreDb } from './open.ts';

export const UI_ORIGIN = 'ui';

export interface NewAcceptance {
  fingerprint: string;
  reason: string;
  acceptedBy: string;
  /** last day (YYYY-MM-DD, UTC) it applies; none: until revoked */
  expires?: string;
  /** ISO time */
  at: string;
}

/** Where an acceptance stands on `today`; `expiring` is live with its last day within a fortnight. */
export type AcceptanceState = 'live' | 'expiring' | 'expired' | 'revoked';

export interface StoredAcceptance {
  fingerprint: string;
  origin: string;
  reason: string;
  acceptedBy: string | null;
  expires: string | null;
  createdAt: string;
  lastAppliedAt: string;
  revokedAt: string | null;
  state: AcceptanceState;
  checkId: string;
  resourceArn: string;
  accountId: string;
  region: string;
  severity: string;
  title: string;
}

const EXPIRY_WARNING_DAYS = 14;

function field(value: string, name: string, max: number): string {
  const text = value.trim();
  if (!text) throw new UserError(`is required`, { field: name });
  if (text.length > max) throw new UserError(`is longer than ${max} characters`, { field: name });
  return text;
}

/** Records (or renews) a dashboard acceptance of one stored finding. */
export async function acceptFinding(store: StoreDb, acceptance: NewAcceptance): Promise<void> {
  const reason = field(acceptance.reason, 'reason', 2000);
  const acceptedBy = field(acceptance.acceptedBy, 'accepted by', 200);
  const expires = acceptance.expires?.trim() || null;
  if (expires !== null && !isCalendarDate(expires)) {
    throw new UserError(`"${expires}" is not a date: write YYYY-MM-DD, e.g. 2026-12-31`, { field: 'until' });
  }
  if (expires !== null && expires < acceptance.at.slice(0, 10)) {
    throw new UserError(`${expires} has passed: an acceptance must last at least until today`, { field: 'until' });
  }
  const finding = await store.db
    .selectFrom('findings')
    .select('fingerprint')
    .where('fingerprint', '=', acceptance.fingerprint)
    .executeTakeFirst();
  if (!finding) throw new UserError(`no stored finding has the fingerprint "${acceptance.fingerprint}"`);
  // accepting again (after a revocation, or to change why or until when) renews the one dashboard acceptance
  const decision = {
    reason,
    accepted_by: acceptedBy,
    expires,
    created_at: acceptance.at,
    last_applied_at: acceptance.at,
    revoked_at: null,
  };
  await store.db
    .insertInto('acceptances')
    .values({ fingerprint: acceptance.fingerprint, origin: UI_ORIGIN, ...decision })
    .onConflict((oc) => oc.columns(['fingerprint', 'origin']).doUpdateSet(decision))
    .execute();
}

/** Ends the dashboard acceptance of one finding; false when there was none live. */
export async function revokeAcceptance(store: StoreDb, fingerprint: string, at: string): Promise<boolean> {
  const result = await store.db
    .updateTable('acceptances')
    .set({ revoked_at: at })
    .where('fingerprint', '=', fingerprint)
    .where('origin', '=', UI_ORIGIN)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function stateOf(expires: string | null, revokedAt: string | null, today: string): AcceptanceState {
  if (revokedAt) return 'revoked';
  if (expires === null) return 'live';
  if (expires < today) return 'expired';
  const warnFrom = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRY_WARNING_DAYS * 86_400_000);
  return expires <= warnFrom.toISOString().slice(0, 10) ? 'expiring' : 'live';
}

/** Every acceptance, or those of some findings, soonest expiry first (those without an end last). */
export async function listAcceptances(
  store: StoreDb,
  today: string,
  options: { fingerprints?: readonly string[]; includeRevoked?: boolean } = {},
): Promise<StoredAcceptance[]> {
  let q = store.db
    .selectFrom('acceptances')
    .innerJoin('findings', 'findings.fingerprint', 'acceptances.fingerprint')
    .select([
      'acceptances.fingerprint',
      'acceptances.origin',
      'acceptances.reason',
      'acceptances.accepted_by',
      'acceptances.expires',
      'acceptances.created_at',
      'acceptances.last_applied_at',
      'acceptances.revoked_at',
      'findings.check_id',
      'findings.resource_arn',
      'findings.account_id',
      'findings.region',
      'findings.severity',
      'findings.title',
    ]);
  if (options.fingerprints) {
    if (options.fingerprints.length === 0) return [];
    q = q.where('acceptances.fingerprint', 'in', options.fingerprints);
  }
  if (!options.includeRevoked) q = q.where('acceptances.revoked_at', 'is', null);
  const rows = await q
    .orderBy((eb) => eb.case().when('acceptances.expires', 'is', null).then(1).else(0).end())
    .orderBy('acceptances.expires')
    .orderBy('findings.resource_arn')
    .orderBy('findings.check_id')
    .execute();
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    origin: r.origin,
    reason: r.reason,
    acceptedBy: r.accepted_by,
    expires: r.expires,
    createdAt: r.created_at,
    lastAppliedAt: r.last_applied_at,
    revokedAt: r.revoked_at,
    state: stateOf(r.expires, r.revoked_at, today),
    checkId: r.check_id,
    resourceArn: r.resource_arn,
    accountId: r.account_id,
    region: r.region,
    severity: r.severity,
    title: r.title,
  }));
}

/** picomatch reads these in a pattern: an ARN that holds one must match only itself. */
function literalGlob(arn: string): string {
  return arn.replace(/[\\*?[\]{}()!+@|]/g, '\\$&');
}

/**
 * The live dashboard acceptances as an accept file (docs/accept.md): one entry per finding, naming its check, its
 * resource and its account, with who, why and until when. Expired and revoked ones are left out.
 */
export async function acceptFileText(store: StoreDb, today: string): Promise<string> {
  const live = (await listAcceptances(store, today)).filter(
    (a) => a.origin === UI_ORIGIN && (a.state === 'live' || a.state === 'expiring'),
  );
  const entries = live.map((a) => ({
    check: a.checkId,
    reason: a.reason,
    resources: [literalGlob(a.resourceArn)],
    accounts: [a.accountId],
    ...(a.expires ? { expires: a.expires } : {}),
    ...(a.acceptedBy ? { accepted_by: a.acceptedBy } : {}),
  }));
  const header = `# accepted in the cloudwarden dashboard; exported ${today} (format: docs/accept.md)\n`;
  return entries.length
    ? header + stringify(entries, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })
    : `${header}[]\n`;
}
