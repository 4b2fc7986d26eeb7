/**
 * The SQS side of an organization scan fanned out over workers: enqueueing one message per account, and the
 * worker that receives them. A message is deleted only once its account's scan is stored (or its failure is);
 * while an account is in work its message is kept invisible (ChangeMessageVisibility) and its claim in the store
 * kept alive; on SIGTERM the scan stops and the message is made visible again at once for another worker.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import pLimit from 'p-limit';
import { accessErrorFor, errorRecord } from '../aws/aws-errors.ts';
import type { AwsClientOptions, AwsClients } from '../aws/clients.ts';
import type { Check } from '../checks/define-check.ts';
import type { CheckOptions } from '../checks/options.ts';
import { scanSnapshot } from '../checks/scan.ts';
import { collectOrganization } from '../collect/organization-scan.ts';
import { sessionNameFor } from '../collect/organization.ts';
import { UserError } from '../errors.ts';
import { applyAcceptances } from '../findings/accept.ts';
import type { AcceptEntry } from '../findings/accept-file.ts';
import { validateSnapshot } from '../model/snapshot.ts';
import type { ServiceDeclaration } from '../services/define-service.ts';
import type { StoreDb } from '../store/open.ts';
import { claimAccount, finishAccount, LostClaimError, releaseClaim, renewLease } from '../store/org-runs.ts';
import { recordScan } from '../store/posture.ts';
import { snapshotDigest } from '../store/scan-identity.ts';
import { accountMessageBody, parseAccountMessage, type AccountMessage } from './account-message.ts';

/** SendMessageBatch takes at most 10 entries. */
const BATCH = 10;

export interface QueueTarget {
  queueUrl: string;
  region: string;
}

/** One message per account; a batch entry SQS refused is sent again once, then reported. */
export async function enqueueAccounts(
  clients: AwsClients,
  queue: QueueTarget,
  messages: readonly AccountMessage[],
): Promise<{ sent: number; failed: { accountId: string; error: string }[] }> {
  const sqs = clients.client(SQSClient, queue.region);
  let sent = 0;
  const failed: { accountId: string; error: string }[] = [];
  for (let i = 0; i < messages.length; i += BATCH) {
    let batch = messages.slice(i, i + BATCH);
    for (let attempt = 1; batch.length > 0; attempt++) {
      let output;
      try {
        output = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queue.queueUrl,
            Entries: batch.map((m, n) => ({ Id: `a${n}-${m.accountId}`, MessageBody: accountMessageBody(m) })),
          }),
        );
      } catch (error) {
        throw accessErrorFor(error, 'sqs:SendMessage');
      }
      sent += output.Successful?.length ?? 0;
      const refused = new Map((output.Failed ?? []).map((f) => [f.Id, f]));
      const again = batch.filter((m, n) => refused.has(`a${n}-${m.accountId}`));
      if (attempt >= 2 || again.length === 0) {
        for (const [n, m] of batch.entries()) {
          const f = refused.get(`a${n}-${m.accountId}`);
          if (f) failed.push({ accountId: m.accountId, error: `${f.Code ?? 'Error'}: ${f.Message ?? ''}` });
        }
        break;
      }
      batch = again;
    }
  }
  return { sent, failed };
}

export interface WorkerOptions {
  queue: QueueTarget;
  /** the worker's own clients (SQS, STS AssumeRole into the accounts) */
  clients: AwsClients;
  /** how member accounts' clients are built (endpoint, socket pool) */
  clientOptions: AwsClientOptions;
  store: StoreDb;
  services: readonly ServiceDeclaration[];
  checksFor: (services: readonly ServiceDeclaration[]) => readonly Check[];
  checkOptions?: CheckOptions;
  /** accepted risks (`--accept`), applied to each account's results before they are stored */
  acceptances?: readonly AcceptEntry[];
  /** counted into as the worker goes (metrics read it while it runs); a fresh one when not given */
  stats?: WorkerStats;
  /** an account's scan, or its failure, was stored */
  onStored?: () => void;
  /** AWS calls in flight per account */
  concurrency: number;
  /** accounts scanned at once by this process */
  parallel: number;
  /** stop when a receive returns nothing (batch jobs, tests) */
  drain: boolean;
  signal: AbortSignal;
  log: (line: string) => void;
  /** this worker's name in the store's claims (default host:pid:random) */
  workerId?: string;
  /** seconds a received message stays invisible; renewed at half of it while the account is in work */
  visibilitySeconds?: number;
  /** seconds ReceiveMessage long-polls */
  waitSeconds?: number;
  now?: () => Date;
}

export interface WorkerStats {
  received: number;
  scanned: number;
  failed: number;
  /** repeats of an account already in the store, deleted without scanning */
  repeats: number;
  /** held by another worker: left for the queue to deliver again */
  busy: number;
  /** messages that are no account scan message, left for the queue's redrive policy */
  invalid: number;
  /** given back on SIGTERM */
  released: number;
  /** accounts in work now */
  running: number;
}

const DEFAULT_VISIBILITY = 300;

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function newWorkerStats(): WorkerStats {
  return { received: 0, scanned: 0, failed: 0, repeats: 0, busy: 0, invalid: 0, released: 0, running: 0 };
}

/** Receives and scans accounts until the signal aborts (or, with `drain`, until the queue answers empty). */
export async function runWorker(options: WorkerOptions): Promise<WorkerStats> {
  const stats: WorkerStats = options.stats ?? newWorkerStats();
  const sqs = options.clients.client(SQSClient, options.queue.region);
  const worker = options.workerId ?? defaultWorkerId();
  const visibility = options.visibilitySeconds ?? DEFAULT_VISIBILITY;
  const now = options.now ?? (() => new Date());
  const loop = async (): Promise<void> => {
    while (!options.signal.aborted) {
      let messages: Message[];
      try {
        const output = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: options.queue.queueUrl,
            MaxNumberOfMessages: 1,
            WaitTimeSeconds: options.waitSeconds ?? 20,
            VisibilityTimeout: visibility,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: options.signal },
        );
        messages = output.Messages ?? [];
      } catch (error) {
        if (options.signal.aborted) return;
        throw accessErrorFor(error, 'sqs:ReceiveMessage');
      }
      if (messages.length === 0 && options.drain) return;
      for (const message of messages) {
        stats.received++;
        await handle(message);
      }
    }
  };

  const release = async (message: Message): Promise<void> => {
    try {
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: options.queue.queueUrl,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    } catch (error) {
      const record = errorRecord(error);
      options.log(
        `could not release message ${message.MessageId ?? '?'} (${record.name}); it returns after its timeout`,
      );
    }
  };

  const remove = async (message: Message): Promise<void> => {
    try {
      await sqs.send(
        new DeleteMessageCommand({ QueueUrl: options.queue.queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    } catch (error) {
      const record = errorRecord(error);
      // the account is stored: a repeat delivery is recognised and deleted then
      options.log(`could not delete message ${message.MessageId ?? '?'} (${record.name}: ${record.message})`);
    }
  };

  const handle = async (message: Message): Promise<void> => {
    let work: AccountMessage;
    try {
      work = parseAccountMessage(message.Body ?? '');
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      stats.invalid++;
      options.log(`message ${message.MessageId ?? '?'}: ${error.format()}; left on the queue for its redrive policy`);
      return;
    }
    const services = options.services.filter((s) => work.services.includes(s.name));
    const unknown = work.services.filter((name) => !options.services.some((s) => s.name === name));
    if (unknown.length > 0 || services.length === 0) {
      stats.invalid++;
      options.log(
        `message ${message.MessageId ?? '?'}: this worker does not know service(s) ${unknown.join(', ')}; left on the queue`,
      );
      return;
    }
    const key = { runId: work.runId, accountId: work.accountId, worker };
    const leaseUntil = () => new Date(now().getTime() + visibility * 1000).toISOString();
    const claim = await claimAccount(options.store, { ...key, now: now().toISOString(), leaseUntil: leaseUntil() });
    if (claim.kind === 'unknown-run') {
      stats.invalid++;
      options.log(`message ${message.MessageId ?? '?'}: run ${work.runId} is not in this store; left on the queue`);
      return;
    }
    if (claim.kind === 'done') {
      stats.repeats++;
      await remove(message);
      return;
    }
    if (claim.kind === 'busy') {
      // another worker scans it now: it deletes the message, or this one gets it again after its timeout
      stats.busy++;
      return;
    }
    // the message stays invisible and the claim alive while the account is in work
    const keepAlive = setInterval(
      () => {
        void (async () => {
          try {
            await sqs.send(
              new ChangeMessageVisibilityCommand({
                QueueUrl: options.queue.queueUrl,
                ReceiptHandle: message.ReceiptHandle,
                VisibilityTimeout: visibility,
              }),
            );
            await renewLease(options.store, { ...key, leaseUntil: leaseUntil() });
          } catch (error) {
            options.log(
              `account ${work.accountId}: could not extend its message's visibility (${errorRecord(error).name})`,
            );
          }
        })();
      },
      (visibility * 1000) / 2,
    );
    keepAlive.unref();
    stats.running++;
    try {
      const outcome = await scanAccount(work, services);
      if (outcome === 'interrupted') {
        await releaseClaim(options.store, key);
        await release(message);
        stats.released++;
        return;
      }
      if (outcome === 'failed') stats.failed++;
      else stats.scanned++;
      options.onStored?.();
      await remove(message);
    } catch (error) {
      if (error instanceof LostClaimError) {
        // another worker took the account over and stores it: this one's work is dropped, not stored twice
        options.log(error.message);
        return;
      }
      await releaseClaim(options.store, key).catch(() => undefined);
      await release(message);
      throw error;
    } finally {
      stats.running--;
      clearInterval(keepAlive);
    }
  };

  const scanAccount = async (
    work: AccountMessage,
    services: readonly ServiceDeclaration[],
  ): Promise<'scanned' | 'failed' | 'interrupted'> => {
    const key = { runId: work.runId, accountId: work.accountId, worker };
    const limit = pLimit(options.concurrency);
    const startedAt = now().toISOString();
    const scan = await collectOrganization(options.clients, {
      accountIds: [work.accountId],
      assume: {
        roleName: work.roleName,
        ...(work.externalId ? { externalId: work.externalId } : {}),
        partition: work.partition,
        sessionName: sessionNameFor(now()),
      },
      clientOptions: { ...options.clientOptions, maxSockets: options.concurrency },
      services,
      regions: work.regions,
      limit: <T>(fn: () => Promise<T>) => limit(fn),
      signal: options.signal,
    });
    if (scan.interrupted) return 'interrupted';
    // the worker's own credentials stopped working: no account can be scanned, so the worker stops
    if (scan.fatal) throw scan.fatal;
    const collected = scan.snapshots[0];
    const failure = scan.failures[0];
    if (!collected) {
      const detail = failure ? `${failure.error.name}: ${failure.error.message}` : 'nothing collected';
      await finishAccount(options.store.db, key, { state: 'failed', scanId: null, detail, at: now().toISOString() });
      options.log(`account ${work.accountId}: not scanned (${detail})`);
      return 'failed';
    }
    const snapshot = validateSnapshot(JSON.parse(JSON.stringify(collected)), `<collected ${work.accountId}>`);
    const checks = options.checksFor(services);
    const scanned = scanSnapshot(snapshot, checks, {
      now: new Date(startedAt),
      ...(options.checkOptions ? { checkOptions: options.checkOptions } : {}),
    });
    // an accept file covers the whole organization: an entry matching nothing in one account says nothing, and
    // expired entries are named once when the worker starts, not once per account; so the warnings are dropped
    const accepted = applyAcceptances(scanned.results, options.acceptances ?? [], new Date(startedAt));
    const report = { ...scanned, results: accepted.results };
    const detail = failure ? `cut short, partial: ${failure.error.name}: ${failure.error.message}` : '';
    const summary = await recordScan(
      options.store,
      {
        source: 'worker',
        startedBy: worker,
        startedAt,
        collectedAt: report.collectedAt,
        partial: report.partial,
        snapshotDigest: snapshotDigest(snapshot),
        services: [...new Set(checks.map((c) => c.service))],
        checks: checks.map((c) => c.id),
        results: report.results,
      },
      (trx, scanId) => finishAccount(trx, key, { state: 'scanned', scanId, detail, at: now().toISOString() }),
    );
    options.log(
      `account ${work.accountId}: stored as scan ${summary.scanId} (${summary.created} new, ${summary.stillOpen} still open, ${summary.resolved} resolved)${detail ? `; ${detail}` : ''}`,
    );
    return 'scanned';
  };

  await Promise.all(Array.from({ length: Math.max(1, options.parallel) }, loop));
  return stats;
}
