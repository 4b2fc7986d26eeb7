import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { accessErrorFor, errorRecord, isCredentialError } from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import type { RunState } from '../collect/run-state.ts';
import { toPlainJson } from '../collect/plain-json.ts';
import type {
  KeyedRead,
  OperationContext,
  OperationDeclaration,
  Pagination,
  ServiceDeclaration,
} from './define-service.ts';

type ErrorEntry = { error: { name: string; message: string } };
type Answer = Record<string, unknown> | ErrorEntry | undefined;

const STOPPED = new Error('stopped');

/**
 * Runs one service declaration for one region (the home region for a global service): every operation under the
 * run's shared limit, listings first and per-resource follow-ups once what they read is answered. Each answer is
 * the SDK output as plain JSON checked against the declared shape, or `{ error: { name, message } }`; a call that
 * never got an answer (the run stopped) leaves its key out, which the snapshot reads as "not collected".
 */
export async function collectService(
  service: ServiceDeclaration,
  clients: AwsClientSource,
  context: OperationContext,
  run: RunState,
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const pending = new Map<string, Promise<void>>();
  const collectOne = (name: string): Promise<void> => {
    let started = pending.get(name);
    if (started) return started;
    const op = service.operations[name] as OperationDeclaration;
    started = (async () => {
      await Promise.all([...(op.after ?? []), ...(op.perResource?.after ?? [])].map(collectOne));
      const target = { client: clients.client(op.client ?? service.client, context.region) as unknown as Sender };
      const caller = new OperationCaller(name, op, run);
      const answer = op.perResource
        ? await perResource(op, caller, target, answers, context)
        : await caller.answer(op.input?.(context) ?? {}, target);
      if (answer !== undefined) answers[name] = answer;
    })();
    pending.set(name, started);
    return started;
  };
  await Promise.all(Object.keys(service.operations).map(collectOne));
  // the declaration's order, whatever order the answers came in
  return Object.fromEntries(
    Object.entries(service.operations).flatMap(([name, op]) =>
      name in answers && op.stored !== false ? [[name, answers[name]]] : [],
    ),
  );
}

async function perResource(
  op: OperationDeclaration,
  caller: OperationCaller,
  target: CallTarget,
  answers: Readonly<Record<string, unknown>>,
  context: OperationContext,
): Promise<Record<string, unknown> | undefined> {
  const targets = op.perResource!.targets(answers, context);
  if (targets.length === 0) return undefined;
  const answered = await Promise.all(
    targets.map(async ({ key, input }) => [key, await caller.answer(input, target)] as const),
  );
  return Object.fromEntries(answered.filter(([, answer]) => answer !== undefined));
}

export interface Sender {
  send(command: object, options: { abortSignal: AbortSignal }): Promise<Record<string, unknown>>;
}

/** Where one request goes. */
export interface CallTarget {
  /** read when the call's turn comes (a redirect may have moved the resource meanwhile) */
  readonly client: Sender;
  /** asked when the call's turn comes under the limit: true leaves the call out (its resource went away) */
  skip?: () => boolean;
  /** a failure, seen before the limit lets the next call go (so that call's `skip` already knows) */
  failed?: (error: unknown) => void;
  /** after a failure: another client to ask once instead (S3's region redirect), or undefined to record the error */
  retarget?: (error: unknown) => Promise<Sender | undefined>;
}

/** One operation's calls: pages, polling, the shape check and the error record. */
export class OperationCaller {
  constructor(
    private readonly operation: string,
    private readonly op: OperationDeclaration,
    private readonly run: RunState,
    /** error names that, besides "not configured", are not counted as failures (a resource deleted meanwhile) */
    private readonly uncounted: readonly string[] = [],
  ) {}

  private get stopped(): boolean {
    return this.run.controller.signal.aborted;
  }

  async answer(input: object, target: CallTarget): Promise<Answer> {
    const poll = this.op.poll;
    let answer: Answer;
    for (let attempt = 0; attempt < (poll?.attempts ?? 1); attempt += 1) {
      answer = await this.pages(input, target);
      if (!poll || answer === undefined || 'error' in answer || poll.done(answer)) break;
      await sleep(poll.delayMs, undefined, { signal: this.run.controller.signal }).catch(() => undefined);
    }
    return answer;
  }

  /**
   * Every page as ONE answer holding every page's items and no token. A failure on any page records the error
   * for the whole listing: a listing with pages missing would hide resources.
   */
  private async pages(input: object, target: CallTarget): Promise<Answer> {
    const pagination = this.op.pages;
    const items = new Map((pagination?.items ?? []).map((key) => [key, [] as unknown[]]));
    let token: string | undefined;
    let last: Record<string, unknown> | undefined;
    do {
      const page = await this.call(
        pagination && token !== undefined ? { ...input, [pagination.input]: token } : input,
        target,
      );
      if (page === undefined || 'error' in page) return page;
      for (const [key, list] of items) list.push(...((page[key] as unknown[] | undefined) ?? []));
      token = pagination ? nextToken(pagination, page) : undefined;
      last = page;
    } while (token !== undefined);
    const steering = new Set(
      pagination ? [pagination.output, ...(pagination.more ? [pagination.more] : []), ...(pagination.drop ?? [])] : [],
    );
    const whole = {
      ...Object.fromEntries(Object.entries(last ?? {}).filter(([key]) => !steering.has(key))),
      ...Object.fromEntries(items),
    };
    return checkedAnswer(
      this.operation,
      this.op.response,
      toPlainJson(this.op.store ? this.op.store(whole) : whole),
    ) as Answer;
  }

  private async call(input: object, target: CallTarget, elsewhere?: Sender): Promise<Answer> {
    if (this.stopped) return undefined;
    try {
      const output = await this.run.limit(async () => {
        if (this.stopped || target.skip?.()) throw STOPPED;
        this.run.stats.calls += 1;
        const Command = this.op.command as new (input: object) => object;
        try {
          return await (elsewhere ?? target.client).send(new Command(input), {
            abortSignal: this.run.controller.signal,
          });
        } catch (error) {
          target.failed?.(error);
          throw error;
        }
      });
      const attempts = (output.$metadata as { attempts?: number } | undefined)?.attempts;
      if (attempts !== undefined && attempts > 1) this.run.stats.retried += 1;
      const { $metadata: _metadata, ...page } = (this.op.page ? this.op.page(output) : output) as Record<
        string,
        unknown
      >;
      return page;
    } catch (error) {
      if (error === STOPPED || this.stopped) return undefined;
      if (isCredentialError(error)) {
        this.run.stop(accessErrorFor(error, this.operation));
        return undefined;
      }
      const next = elsewhere ? undefined : await target.retarget?.(error);
      if (next) return this.call(input, target, next);
      const record = errorRecord(error);
      // "not configured" is an answer the checks decide on, not a failure to count
      if (!this.op.notConfigured?.includes(record.name) && !this.uncounted.includes(record.name))
        this.run.stats.errors += 1;
      return { error: record };
    }
  }
}

/** A response the schema rejects is recorded as an error, so the snapshot stays valid and the checks say unknown. */
export function checkedAnswer(operation: string, shape: z.ZodType, plain: unknown): unknown {
  const parsed = shape.safeParse(plain);
  if (parsed.success) return plain;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return {
    error: {
      name: 'UnexpectedResponseShape',
      message: `AWS answered ${operation} with a shape cloudwarden does not understand${where}: ${issue?.message ?? 'invalid'}`,
    },
  };
}

function nextToken(pagination: Pagination, page: Record<string, unknown>): string | undefined {
  if (pagination.more !== undefined && page[pagination.more] !== true) return undefined;
  const token = page[pagination.output];
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * The service as one keyed read collects it (`watch`'s change-triggered rescans): the narrowed listings, and the
 * per-resource follow-ups that only wait on them (so they ask about that resource only). Collected like any service.
 */
export function keyedService(service: ServiceDeclaration, read: KeyedRead, key: string): ServiceDeclaration {
  const operations = keyedOperations(service, read);
  return {
    ...service,
    operations: Object.fromEntries(
      operations.map((name) => {
        const op = service.operations[name]!;
        const narrow = read.narrow[name];
        return [name, narrow ? { ...op, input: () => narrow(key) } : op];
      }),
    ),
  };
}

/** The operations a keyed read asks: its narrowed listings and the follow-ups that depend on nothing else. */
export function keyedOperations(service: ServiceDeclaration, read: KeyedRead): string[] {
  const asked = new Set(Object.keys(read.narrow));
  for (const [name, op] of Object.entries(service.operations)) {
    const waits = [...(op.after ?? []), ...(op.perResource?.after ?? [])];
    if (waits.length > 0 && waits.every((w) => asked.has(w))) asked.add(name);
  }
  return Object.keys(service.operations).filter((name) => asked.has(name));
}

/**
 * What a keyed read's listings said of its resource, from the section it collected: `gone` when one answered with a
 * not-found error, the error when one failed otherwise (the resource's checks stay unknown), else `read`.
 */
export function keyedOutcome(
  section: Record<string, unknown> | undefined,
  read: KeyedRead,
): { outcome: 'read' | 'gone' } | { outcome: 'failed'; error: { name: string; message: string } } {
  for (const listing of Object.keys(read.narrow)) {
    const answer = section?.[listing] as Partial<ErrorEntry> | undefined;
    if (answer === undefined)
      return { outcome: 'failed', error: { name: 'NotCollected', message: `${listing} was not answered` } };
    if (!answer.error) continue;
    if (read.notFound.includes(answer.error.name)) return { outcome: 'gone' };
    return { outcome: 'failed', error: answer.error };
  }
  return { outcome: 'read' };
}

/**
 * The service with only `wanted` of its operations and those they wait for (a rescan sweep reads what its checks
 * need, not the whole service). A grouped service, or one none of whose operations is wanted, is left whole.
 */
export function serviceSubset(service: ServiceDeclaration, wanted: readonly string[]): ServiceDeclaration {
  if (service.groupedResources) return service;
  const asked = new Set<string>();
  const add = (name: string): void => {
    const op = service.operations[name];
    if (!op || asked.has(name)) return;
    asked.add(name);
    for (const dependency of [...(op.after ?? []), ...(op.perResource?.after ?? [])]) add(dependency);
  };
  for (const name of wanted) add(name);
  if (asked.size === 0) return service;
  return {
    ...service,
    operations: Object.fromEntries(Object.entries(service.operations).filter(([name]) => asked.has(name))),
  };
}
