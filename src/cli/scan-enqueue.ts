/**
 * `scan aws --org --queue sqs://QUEUE_URL --db URL`: instead of scanning, records a run with the accounts it
 * expects in the store and enqueues one message per account for `cloudwarden worker` processes. The org report is
 * `cloudwarden findings --run RUN_ID` once every account is in (docs/scale.md).
 */
import { randomBytes } from 'node:crypto';
import type { AwsClients } from '../aws/clients.ts';
import { identify } from '../collect/account-collector.ts';
import { listActiveAccounts, readAccountsFile } from '../collect/organization.ts';
import { RunState } from '../collect/run-state.ts';
import pLimit from 'p-limit';
import { parseSource } from '../detect/sources/source-spec.ts';
import { AwsAccessError, EXIT, UserError } from '../errors.ts';
import type { ServiceDeclaration } from '../services/define-service.ts';
import type { StoreDb } from '../store/open.ts';
import { createOrgRun } from '../store/org-runs.ts';
import { localUser } from '../store/scan-identity.ts';
import { ACCOUNT_MESSAGE_KIND, type AccountMessage } from '../worker/account-message.ts';
import { enqueueAccounts, type QueueTarget } from '../worker/org-queue.ts';

/** `sqs://QUEUE_URL` (or the bare URL) as the worker and the enqueuer take it. */
export function queueTarget(text: string, field = '--queue'): QueueTarget {
  const spec = parseSource(text.startsWith('sqs://') ? text : `sqs://${text}`);
  if (spec.kind !== 'sqs') throw new UserError(`"${text}" is not sqs://QUEUE_URL`, { field });
  return { queueUrl: spec.queueUrl, region: spec.region };
}

export function newRunId(now: Date): string {
  return `${now
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14)}-${randomBytes(3).toString('hex')}`;
}

export async function enqueueOrganization(
  base: AwsClients,
  store: StoreDb | undefined,
  options: { org?: boolean; accounts?: string; queue: string; roleName: string; externalId?: string; region: string[] },
  services: readonly ServiceDeclaration[],
  out: { stdout: (line: string) => void; stderr: (line: string) => void },
): Promise<number> {
  if (!store) {
    throw new UserError(
      '--queue records the run in the store so that one can tell when every account is in: give --db postgres://… (or CLOUDWARDEN_DB)',
      { field: '--db' },
    );
  }
  const queue = queueTarget(options.queue);
  const caller = await identify(base, new RunState(pLimit(1)));
  const accountIds = options.accounts ? await readAccountsFile(options.accounts) : await listActiveAccounts(base);
  if (accountIds.length === 0) throw new UserError('the organization lists no ACTIVE account', { field: '--org' });
  const now = new Date();
  const runId = newRunId(now);
  const serviceNames = services.map((s) => s.name);
  await createOrgRun(store, {
    runId,
    createdAt: now.toISOString(),
    createdBy: localUser(),
    queueUrl: queue.queueUrl,
    roleName: options.roleName,
    regions: options.region,
    services: serviceNames,
    accounts: accountIds,
  });
  const messages: AccountMessage[] = accountIds.map((accountId) => ({
    kind: ACCOUNT_MESSAGE_KIND,
    version: 1,
    runId,
    accountId,
    roleName: options.roleName,
    ...(options.externalId ? { externalId: options.externalId } : {}),
    partition: caller.partition as AccountMessage['partition'],
    regions: options.region,
    services: serviceNames,
  }));
  const { sent, failed } = await enqueueAccounts(base, queue, messages);
  for (const f of failed) out.stderr(`account ${f.accountId}: not enqueued (${f.error})`);
  out.stderr(
    `run ${runId}: ${sent} of ${accountIds.length} account(s) enqueued on ${queue.queueUrl}; workers store them in ${store.name}; the report: cloudwarden findings --run ${runId}`,
  );
  out.stdout(runId);
  if (failed.length > 0) {
    throw new AwsAccessError(
      `${failed.length} account message(s) were refused by SQS: run ${runId} cannot complete; enqueue again`,
      'SendMessageBatchFailed',
      'sqs:SendMessage',
    );
  }
  return EXIT.ok;
}
