import type { Observed } from './observed.ts';
import type { AccountResource, Gap, RegionResource } from './resource.ts';
import type { ResourceBase } from '../services/define-state.ts';
import { SERVICE_STATES } from '../services/states.ts';

export type { AccountResource, Gap, RegionResource } from './resource.ts';

type States = typeof SERVICE_STATES;
type StateName = keyof States;
type StateOf<D> = D extends { normalise: (...args: never[]) => { state: infer S } } ? S : never;
type KindsOf<D> = D extends { resources: infer K } ? K : never;
type ResourceOf<R> = R extends { of: (state: never) => (infer T)[] } ? T : never;
type ServiceResource<D> = { [P in keyof KindsOf<D>]: ResourceOf<KindsOf<D>[P]> }[keyof KindsOf<D>];

/** Every resource a check can be about: the account, its regions, and every kind a service declares. */
export type Resource = AccountResource | RegionResource | { [N in StateName]: ServiceResource<States[N]> }[StateName];
export type ResourceKind = Resource['kind'];
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;

/**
 * The typed model every check reads (DESIGN.md: AccountState), built from a snapshot by `normalise`: the envelope,
 * and one state per folder of src/services that declares one (`state.ts`), under the folder's name.
 */
export type AccountState = {
  accountId: string;
  partition: string;
  collectedAt: string;
  partial: boolean;
  /** regions whose regional services were collected */
  regions: RegionResource[];
  /** services with a section in the snapshot; checks of other services are not run (the report lists them) */
  collectedServices: string[];
  /**
   * Resources nobody could list: a listing call failed or was not collected in a region. Every check of
   * that resource kind reports `unknown` for the gap, so a hidden resource never passes silently.
   */
  gaps: Gap[];
} & { [N in StateName]: StateOf<States[N]> };

interface KindEntry {
  securityHubType: string;
  securityHubTypeOf?: (arn: string) => string;
  of: (state: never) => ResourceBase[];
}

const KINDS: ReadonlyMap<string, KindEntry & { state: StateName }> = new Map(
  (Object.entries(SERVICE_STATES) as [StateName, { resources: Record<string, KindEntry> }][]).flatMap(
    ([state, declaration]) => Object.entries(declaration.resources).map(([kind, entry]) => [kind, { ...entry, state }]),
  ),
);

/** How results name a resource type (Security Hub's resource type names, which users know); services declare theirs. */
export const RESOURCE_TYPE_NAMES = {
  account: 'AwsAccount',
  region: 'AwsAccount',
  ...Object.fromEntries([...KINDS].map(([kind, entry]) => [kind, entry.securityHubType])),
} as Record<ResourceKind, string>;

/** The Security Hub type of one result's resource (or gap): an IAM principal is a user or a role. */
export function resourceTypeName(kind: string, arn: string): string {
  const entry = KINDS.get(kind);
  return entry?.securityHubTypeOf?.(arn) ?? RESOURCE_TYPE_NAMES[kind as ResourceKind];
}

/**
 * The subject of a service's account-wide results: `arn:<partition>:<service>::<account>:account`, type AwsAccount
 * (docs/reports.md, "Resource identity"). Fingerprints, acceptances and the store key on it: it never changes.
 */
export function accountResource(
  state: Pick<AccountState, 'accountId' | 'partition'>,
  service: string,
): AccountResource {
  return {
    kind: 'account',
    arn: `arn:${state.partition}:${service}::${state.accountId}:account`,
    region: 'global',
    accountId: state.accountId,
  };
}

/** The resources a check of `service` about `kind` runs on. */
export function resourcesOf<K extends ResourceKind>(
  state: AccountState,
  kind: K,
  service: string,
): ResourceOfKind<K>[] {
  if (kind === 'account') return [accountResource(state, service)] as ResourceOfKind<K>[];
  if (kind === 'region') return state.regions as ResourceOfKind<K>[];
  const entry = KINDS.get(kind);
  if (!entry) throw new Error(`no service declares the resource kind ${kind}`);
  return (entry.of as (own: unknown) => ResourceOfKind<K>[])(state[entry.state]);
}

/** A snapshot operation a check can depend on, and where its observation lives in the model. */
export interface OperationSource {
  /** resource kind the observation belongs to; `account` ones are read from the state */
  scope: string;
  read: (state: AccountState, resource: Resource) => Observed<unknown>;
}

type OperationsOf<D> = D extends { operations: infer O } ? keyof O & string : never;

/** `service:Operation`, as checks name what they read in `needs`: every operation a service's state declares. */
export type OperationName = { [N in StateName]: OperationsOf<States[N]> }[StateName];

function operationTable(): Record<OperationName, OperationSource> {
  const table: Record<string, OperationSource> = {};
  for (const [name, declaration] of Object.entries(SERVICE_STATES) as [StateName, { operations: object }][]) {
    for (const [operation, source] of Object.entries(declaration.operations) as [
      string,
      { scope: string; read: (own: unknown, resource: Resource) => Observed<unknown> },
    ][]) {
      if (operation in table) throw new Error(`two services declare the operation ${operation}`);
      table[operation] = { scope: source.scope, read: (state, resource) => source.read(state[name], resource) };
    }
  }
  return table;
}

/**
 * Every operation a check may list in `needs`, named `service:Operation` after the API call (the snapshot's key),
 * so that an unknown result names the exact call that failed; composed from the services' state declarations.
 * The engine reads these to turn failed or missing evidence into `unknown`.
 */
export const OPERATIONS = operationTable();
