import { awsErrorName, isRegionRedirect, redirectRegionOf } from '../aws/aws-errors.ts';
import type { AwsClientSource } from '../aws/clients.ts';
import type { RunState } from '../collect/run-state.ts';
import { AwsAccessError } from '../errors.ts';
import { collectService, OperationCaller, type CallTarget, type Sender } from './collect-service.ts';
import type { GroupedResources, OperationContext, ServiceDeclaration } from './define-service.ts';

/** What a grouped collection saw besides its section (the scan summary says it). */
export interface GroupedCollection {
  /** `snapshot[service.name]` */
  section: Record<string, unknown>;
  /** resources the listings named */
  seen: number;
  /** keys left out by `--region` */
  outsideRegions: string[];
  /** keys that disappeared during the scan (left out) */
  deleted: string[];
  /** resources kept in the section, and those of them for which every operation was answered */
  scanned: number;
  complete: number;
}

export interface GroupedOptions {
  /** `--region`: only resources there; every resource is still listed and located */
  regions?: readonly string[];
  /** resources done out of those to scan */
  onProgress?: (done: number, total: number) => void;
  /** one line per event the user should know of (a resource deleted during the scan) */
  warn?: (message: string) => void;
}

interface Work {
  key: string;
  region: string | undefined;
  entry: Record<string, unknown>;
  answers: Record<string, unknown>;
  deleted: boolean;
}

/**
 * A service whose per-resource answers the snapshot groups by resource (S3's buckets): its own operations as
 * `collectService` asks them in the home region, then each group's listing and, for every resource in its own
 * region, each of the group's operations, all under the run's limit and stop switch.
 */
export async function collectGrouped(
  service: ServiceDeclaration,
  clients: AwsClientSource,
  context: OperationContext,
  run: RunState,
  options: GroupedOptions = {},
): Promise<GroupedCollection> {
  const groups = Object.entries(service.groupedResources ?? {});
  const steering = new Set(groups.flatMap(([, g]) => [g.list, ...(g.locate ? [g.locate.operation] : [])]));
  const own = Object.fromEntries(Object.entries(service.operations).filter(([name]) => !steering.has(name)));
  const progress = { done: 0, total: 0 };
  const report = () => options.onProgress?.(progress.done, progress.total);
  const [section, ...collected] = await Promise.all([
    collectService({ ...service, operations: own }, clients, context, run),
    ...groups.map(([, group]) =>
      new GroupRunner(service, group, clients, context, run, options, progress, report).collect(),
    ),
  ]);
  const summary: GroupedCollection = { section, seen: 0, outsideRegions: [], deleted: [], scanned: 0, complete: 0 };
  groups.forEach(([key], i) => {
    const group = collected[i]!;
    section[key] = group.entries;
    summary.seen += group.seen;
    summary.outsideRegions.push(...group.outsideRegions);
    summary.deleted.push(...group.deleted);
    summary.scanned += Object.keys(group.entries).length;
    summary.complete += group.complete;
  });
  return summary;
}

class GroupRunner {
  constructor(
    private readonly service: ServiceDeclaration,
    private readonly group: GroupedResources,
    private readonly clients: AwsClientSource,
    private readonly context: OperationContext,
    private readonly run: RunState,
    private readonly options: GroupedOptions,
    private readonly progress: { done: number; total: number },
    private readonly report: () => void,
  ) {}

  private client(region: string): Sender {
    return this.clients.client(this.service.client, region) as unknown as Sender;
  }

  async collect() {
    const listed = await this.list();
    const wanted = this.options.regions?.length ? new Set(this.options.regions) : undefined;
    const outsideRegions: string[] = [];
    const scanned = new Set<Work>();
    this.progress.total += listed.length;
    this.report();
    await Promise.all(
      listed.map(async (work) => {
        if (work.region === undefined) work.region = await this.locate(work);
        if (work.region !== undefined && wanted && !wanted.has(work.region)) {
          outsideRegions.push(work.key);
          this.progress.total -= 1;
          this.report();
          return;
        }
        scanned.add(work);
        await Promise.all(Object.keys(this.group.operations).map((name) => this.ask(work, name)));
        this.progress.done += 1;
        this.report();
      }),
    );
    const names = Object.keys(this.group.operations);
    const entries: Record<string, Record<string, unknown>> = {};
    let complete = 0;
    for (const work of listed) {
      if (work.deleted || !scanned.has(work)) continue;
      const answers = Object.fromEntries(
        names.flatMap((name) => (name in work.answers ? [[name, work.answers[name]]] : [])),
      );
      entries[work.key] = { Region: work.region ?? this.context.region, ...work.entry, ...answers };
      if (names.every((name) => name in answers)) complete += 1;
    }
    return {
      entries,
      seen: listed.length,
      outsideRegions,
      deleted: listed.filter((w) => w.deleted).map((w) => w.key),
      complete,
    };
  }

  /** Every resource, whatever region was asked: `--region` filters later, by the resource's own region. */
  private async list(): Promise<Work[]> {
    const name = this.group.list;
    const op = this.service.operations[name]!;
    const answer = await new OperationCaller(name, op, this.run).answer(op.input?.(this.context) ?? {}, {
      client: this.client(this.context.region),
    });
    if (answer === undefined) return [];
    if ('error' in answer) {
      const error = answer.error as { name: string; message: string };
      throw new AwsAccessError(error.message, error.name, `${this.service.name}:${name}`);
    }
    return this.group.resources(answer).map(({ key, region, entry }) => ({
      key,
      region,
      entry,
      answers: {},
      deleted: false,
    }));
  }

  /** The region the locating call names; undefined asks the home region, whose redirect names the right one. */
  private async locate(work: Work): Promise<string | undefined> {
    const locate = this.group.locate;
    if (!locate) return undefined;
    const op = this.service.operations[locate.operation]!;
    let redirected: string | undefined;
    const answer = await new OperationCaller(locate.operation, op, this.run, this.group.gone).answer(
      this.group.input(work.key),
      {
        client: this.client(this.context.region),
        skip: () => work.deleted,
        failed: (error) => {
          if (this.group.gone?.includes(awsErrorName(error))) this.markDeleted(work);
        },
        retarget: async (error) => {
          if (isRegionRedirect(error)) redirected = redirectRegionOf(error);
          return undefined;
        },
      },
    );
    if (answer === undefined || 'error' in answer) return redirected;
    return locate.region(answer);
  }

  private async ask(work: Work, name: string): Promise<void> {
    const op = this.group.operations[name]!;
    let asked = this.context.region;
    const current = () => {
      asked = work.region ?? this.context.region;
      return this.client(asked);
    };
    const target: CallTarget = {
      get client() {
        return current();
      },
      skip: () => work.deleted,
      failed: (error) => {
        if (this.group.gone?.includes(awsErrorName(error))) this.markDeleted(work);
      },
      retarget: async (error) => {
        if (!isRegionRedirect(error)) return undefined;
        const region = redirectRegionOf(error) ?? (await this.locate(work));
        if (region === undefined || region === asked) return undefined;
        work.region = region;
        return this.client(region);
      },
    };
    const answer = await new OperationCaller(name, op, this.run, this.group.gone).answer(
      this.group.input(work.key),
      target,
    );
    if (answer !== undefined && !work.deleted) work.answers[name] = answer;
  }

  private markDeleted(work: Work): void {
    if (work.deleted) return;
    work.deleted = true;
    this.options.warn?.(
      `${this.group.noun} ${work.key} was deleted during the scan (${this.group.gone?.join(', ')}); it is left out`,
    );
  }
}
