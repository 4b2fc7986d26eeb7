/**
 * What `--db` means on each command: where the store is (flag, then CLOUDWARDEN_DB, then the default path for the
 * commands that read it), and the hook that records a scan's results once its report is written.
 */
import type { Check } from '../checks/define-check.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import { openStore, type StoreDb } from '../store/open.ts';
import { recordScan } from '../store/posture.ts';
import { localUser, snapshotDigest } from '../store/scan-identity.ts';
import { defaultStorePath, parseStoreUrl, type StoreLocation } from '../store/url.ts';
import { hint, type ReportHooks } from './scan-output.ts';

export interface DbOption {
  /** `true` for `--db` given without a URL */
  db?: string | true;
}

/** The store a result-producing command writes to, or undefined when neither --db nor CLOUDWARDEN_DB is given. */
export function storeToWrite(options: DbOption, env = process.env): StoreLocation | undefined {
  if (options.db === true) return { engine: 'sqlite', path: defaultStorePath() };
  if (options.db !== undefined) return parseStoreUrl(options.db);
  const fromEnv = env.CLOUDWARDEN_DB;
  return fromEnv ? parseStoreUrl(fromEnv, 'CLOUDWARDEN_DB') : undefined;
}

/** The store a reading command opens: --db, CLOUDWARDEN_DB, else the default SQLite file. */
export function storeToRead(options: DbOption, env = process.env): StoreLocation {
  return storeToWrite(options, env) ?? { engine: 'sqlite', path: defaultStorePath() };
}

/** Opens the store to write, before any scanning: a bad URL or an unreachable database stops the run at once. */
export async function openStoreToWrite(options: DbOption): Promise<StoreDb | undefined> {
  const location = storeToWrite(options);
  return location ? openStore(location) : undefined;
}

export interface ScanContext {
  source: string;
  snapshot: Snapshot;
  checks: readonly Check[];
}

/** `hooks` plus, with a store, recording the scan after the report is written (then closing the store). */
export function withScanStore(
  store: StoreDb | undefined,
  context: ScanContext,
  options: { quiet?: boolean },
  hooks: ReportHooks = {},
): ReportHooks {
  if (!store) return hooks;
  return {
    afterReport: async (report) => {
      await hooks.afterReport?.(report);
      try {
        const summary = await recordScan(store, {
          source: context.source,
          startedBy: localUser(),
          startedAt: report.generatedAt,
          collectedAt: report.collectedAt,
          partial: report.partial,
          snapshotDigest: snapshotDigest(context.snapshot),
          services: [...new Set(context.checks.map((c) => c.service))],
          checks: context.checks.map((c) => c.id),
          results: report.results,
        });
        hint(
          options,
          `stored as scan ${summary.scanId} in ${store.name}: ${summary.created} new, ${summary.stillOpen} still open, ${summary.resolved} resolved, ${summary.deleted} resolved as deleted${report.partial ? ' (partial scan: nothing resolved)' : ''}`,
        );
      } finally {
        await store.db.destroy();
      }
    },
  };
}
