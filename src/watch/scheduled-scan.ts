/**
 * The scan a schedule runs: `scan aws` (or `scan aws --accounts FILE` / `--org`) into the store, then the findings
 * it opened and resolved to the sinks. Returns the outcome line `schedule_runs` keeps; throws when nothing could be
 * scanned (the lock records it as failed).
 */
import pLimit from 'p-limit';
import type { AwsClientOptions, AwsClients } from '../aws/clients.ts';
import { checksForService } from '../checks/catalogue.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { collectAccount, identify } from '../collect/account-collector.ts';
import { listActiveAccounts, readAccountsFile, sessionNameFor } from '../collect/organization.ts';
import { collectOrganization } from '../collect/organization-scan.ts';
import { DEFAULT_CONCURRENCY, RunState } from '../collect/run-state.ts';
import type { Snapshot } from '../model/snapshot-schema.ts';
import type { Notice } from '../notify/notice.ts';
import { SERVICES } from '../services/registry.ts';
import type { StoreDb } from '../store/open.ts';
import { recordScan } from '../store/posture.ts';
import { localUser, snapshotDigest } from '../store/scan-identity.ts';
import { changeNotices } from './finding-notices.ts';
import type { ScheduleSpec } from './schedule.ts';

export interface ScheduledScanContext {
  clients: AwsClients;
  clientOptions: AwsClientOptions;
  store: StoreDb;
  notify: (notice: Notice) => Promise<boolean>;
  log: (line: string) => void;
  signal: AbortSignal;
}

export async function runScheduledScan(spec: ScheduleSpec, context: ScheduledScanContext): Promise<string> {
  const names = spec.services ?? SERVICES.map((s) => s.name);
  const services = SERVICES.filter((s) => names.includes(s.name));
  const checks = names.flatMap((name) => checksForService(name));
  const limit = pLimit(DEFAULT_CONCURRENCY);
  const regions = spec.regions ?? [];
  let snapshots: Snapshot[];
  let failed = 0;
  if (spec.org || spec.accounts) {
    const caller = await identify(context.clients, new RunState(limit));
    const accountIds = spec.accounts
      ? await readAccountsFile(spec.accounts)
      : await listActiveAccounts(context.clients);
    const scan = await collectOrganization(context.clients, {
      accountIds,
      assume: {
        roleName: spec.roleName ?? 'OrganizationAccountAccessRole',
        ...(spec.externalId ? { externalId: spec.externalId } : {}),
        partition: caller.partition,
        sessionName: sessionNameFor(new Date()),
      },
      clientOptions: context.clientOptions,
      services,
      regions,
      limit: <T>(fn: () => Promise<T>) => limit(fn),
      signal: context.signal,
    });
    for (const failure of scan.failures)
      context.log(`schedule ${spec.name}: account ${failure.accountId} not scanned (${failure.error.name})`);
    if (scan.fatal) throw scan.fatal;
    snapshots = scan.snapshots;
    failed = scan.failures.length;
  } else {
    const collection = await collectAccount(context.clients, services, new RunState(limit, context.signal), {
      regions,
    });
    if (collection.fatal) throw collection.fatal;
    snapshots = [collection.snapshot];
  }
  let opened = 0;
  let closed = 0;
  let undelivered = 0;
  const scanIds: number[] = [];
  for (const snapshot of snapshots) {
    const report = scanSnapshot(snapshot, checks);
    const summary = await recordScan(context.store, {
      source: `watch schedule ${spec.name}`,
      startedBy: localUser(),
      startedAt: report.generatedAt,
      collectedAt: report.collectedAt,
      partial: report.partial,
      snapshotDigest: snapshotDigest(snapshot),
      services: names,
      checks: checks.map((c) => c.id),
      results: report.results,
    });
    scanIds.push(summary.scanId);
    opened += summary.opened.length;
    closed += summary.closed.length;
    const notices = changeNotices(summary, report.results, report.collectedAt);
    const accepted = await Promise.all(notices.map((n) => context.notify(n)));
    undelivered += accepted.filter((ok) => !ok).length;
  }
  const partial = snapshots.some((s) => s.partial) || failed > 0;
  const outcome =
    `${partial ? 'partial' : 'ok'}: ${snapshots.length} account(s) as scan ${scanIds.join(', ')}, ` +
    `${opened} findings new, ${closed} resolved` +
    (failed > 0 ? `, ${failed} account(s) not scanned` : '') +
    (undelivered > 0 ? `, ${undelivered} notices not delivered` : '');
  context.log(`schedule ${spec.name}: ${outcome}`);
  return outcome;
}
