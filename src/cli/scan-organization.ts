import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { AwsClients } from '../aws/clients.ts';
import type { Check } from '../checks/define-check.ts';
import type { CheckOptions } from '../checks/options.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { identify } from '../collect/account-collector.ts';
import { listActiveAccounts, readAccountsFile, sessionNameFor } from '../collect/organization.ts';
import { collectOrganization } from '../collect/organization-scan.ts';
import { RunState } from '../collect/run-state.ts';
import type { ServiceDeclaration } from '../services/define-service.ts';
import { AwsAccessError, EXIT, UserError } from '../errors.ts';
import { validateSnapshot, writeSnapshot } from '../model/snapshot.ts';
import type { ScanReport } from '../report/scan-report.ts';
import { emitReport, hint, type ReportOptions } from './scan-output.ts';
import type { ScanProgress } from './scan-progress.ts';

export interface OrganizationCliOptions extends ReportOptions {
  org?: boolean;
  accounts?: string;
  roleName: string;
  externalId?: string;
  endpointUrl?: string;
  region: string[];
  snapshotOut?: string;
}

/**
 * `scan aws --org` / `--accounts FILE`: every account through the role, one shared call limit, one report
 * with an account per result. Accounts whose role cannot be assumed are reported and left out; the others are scanned.
 * Stopped by Ctrl-C or by the caller's credentials expiring, what was collected is still written (--snapshot-out).
 */
export async function scanOrganization(
  base: AwsClients,
  options: OrganizationCliOptions,
  plan: {
    services: readonly ServiceDeclaration[];
    checks: readonly Check[];
    checkOptions: CheckOptions;
    concurrency: number;
    signal: AbortSignal;
    progress: ScanProgress;
  },
): Promise<number> {
  const { progress } = plan;
  const limit = pLimit(plan.concurrency);
  const caller = await identify(base, new RunState(limit));
  const accountIds = options.accounts ? await readAccountsFile(options.accounts) : await listActiveAccounts(base);
  if (accountIds.length === 0) throw new UserError('the organization lists no ACTIVE account', { field: '--org' });
  progress.status(`scanning ${accountIds.length} account(s) through role ${options.roleName}`);
  progress.setAccounts(accountIds.length);
  if (options.snapshotOut) await mkdir(options.snapshotOut, { recursive: true });
  const reports: ScanReport[] = [];
  let cut = 0;
  const scan = await collectOrganization(base, {
    accountIds,
    assume: {
      roleName: options.roleName,
      ...(options.externalId ? { externalId: options.externalId } : {}),
      partition: caller.partition,
      sessionName: sessionNameFor(new Date()),
    },
    // the member accounts' clients are built like the caller's: same endpoint, same socket pool size
    clientOptions: {
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      maxSockets: plan.concurrency,
    },
    services: plan.services,
    regions: options.region,
    limit: <T>(fn: () => Promise<T>) => limit(fn),
    signal: plan.signal,
    onAccountStart: (accountId, run) => {
      progress.plainStatus(`account ${accountId}: scanning`);
      progress.track(accountId, () => run.stats);
    },
    onAccountDone: (accountId, outcome, detail) => {
      progress.accountDone(outcome);
      progress.status(`account ${accountId}: ${outcome} (${detail})`);
    },
    onRegionalProgress: (accountId, done, total) => progress.setUnits(accountId, done, total),
    onGroupedProgress: (accountId, _service, done, total) => progress.setBuckets(accountId, done, total),
    // each account is saved and checked as it arrives, so only its results stay in memory, not its snapshot
    onSnapshot: async (collected) => {
      const snapshot = validateSnapshot(JSON.parse(JSON.stringify(collected)), `<collected ${collected.accountId}>`);
      if (options.snapshotOut)
        await writeSnapshot(path.join(options.snapshotOut, `${snapshot.accountId}.json`), snapshot);
      if (snapshot.partial) cut += 1;
      reports.push(scanSnapshot(snapshot, plan.checks, { checkOptions: plan.checkOptions }));
    },
  });
  progress.done();
  for (const failure of scan.failures) {
    const what = failure.cutShort ? 'cut short (what was collected is kept, marked partial)' : 'not scanned';
    process.stderr.write(`account ${failure.accountId} ${what}: ${failure.error.name}: ${failure.error.message}\n`);
  }
  if (scan.fatal || scan.interrupted) {
    const saved = options.snapshotOut
      ? `; what was collected is in ${options.snapshotOut} (one <account>.json each, those cut short marked partial)`
      : '';
    const done = `${reports.length} of ${accountIds.length} account(s) collected, ${cut} of them cut short${saved}`;
    process.stderr.write(`${scan.fatal ? 'scan stopped' : 'interrupted'}: ${done}\n`);
    if (scan.fatal) throw scan.fatal;
    return EXIT.interrupted;
  }
  if (reports.length === 0) {
    throw new AwsAccessError(
      `no account could be scanned (${scan.failures.length} failed)`,
      scan.failures[0]?.error.name ?? 'NoAccount',
      'sts:AssumeRole',
    );
  }
  hint(
    options,
    `${reports.length} of ${accountIds.length} account(s) scanned; ${scan.stats.calls} calls, ${scan.stats.errors} failed, ${scan.stats.retried} retried, ${scan.stats.throttled} throttled attempts`,
  );
  reports.sort((a, b) => a.accountId.localeCompare(b.accountId));
  const combined: ScanReport = {
    ...(reports[0] as ScanReport),
    accountId: caller.accountId,
    partial: reports.some((r) => r.partial),
    notCollected: [...new Set(reports.flatMap((r) => r.notCollected ?? []))].sort(),
    results: reports.flatMap((r) => r.results),
  };
  return emitReport(combined, options);
}
