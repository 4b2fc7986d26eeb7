import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { policyText } from '../../model/normalise-policy.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { SqsSection } from './schema.ts';

/** The queue attributes the checks read, as GetQueueAttributes returns them (strings). */
export interface SqsQueueAttributes {
  /** "true" when SQS-owned keys encrypt the messages (SSE-SQS) */
  sqsManagedSse: boolean;
  /** the KMS key (SSE-KMS): an alias, key id or ARN */
  kmsMasterKeyId: string | undefined;
  /** the access policy, parsed; absent when the queue has none */
  policy: Observed<unknown>;
}

/** An SQS queue, ARN `arn:<partition>:sqs:<region>:<account>:<name>`. */
export interface SqsQueue {
  kind: 'sqs-queue';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  url: string;
  attributes: Observed<SqsQueueAttributes>;
}

export interface SqsState {
  queues: SqsQueue[];
}

/** `https://sqs.<region>.amazonaws.com/<account>/<name>`: the last two path segments are the owner and the name. */
function queueIdentity(url: string, fallbackAccount: string): { accountId: string; name: string } {
  const segments = url.split('/').filter((s) => s !== '');
  const name = segments.at(-1) ?? url;
  const owner = segments.at(-2);
  return { name, accountId: owner !== undefined && /^\d{12}$/.test(owner) ? owner : fallbackAccount };
}

/** The queues of every region; a failed ListQueues is a gap (its queues' checks say unknown). */
function normaliseSqs(section: SqsSection, context: NormaliseContext): { state: SqsState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: SqsState = { queues: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const attributes = entry.GetQueueAttributes ?? {};
    const listed = listing(
      entry.ListQueues,
      { operation: 'sqs:ListQueues', region },
      [context.hidden('sqs-queue', region)],
      gaps,
      (r) =>
        (r.QueueUrls ?? []).map((url): SqsQueue => {
          const { accountId, name } = queueIdentity(url, context.accountId);
          return {
            kind: 'sqs-queue',
            arn: `arn:${context.partition}:sqs:${region}:${accountId}:${name}`,
            region,
            accountId,
            name,
            url,
            attributes: observe(attributes[url], 'sqs:GetQueueAttributes', [], (a) => {
              const values = a.Attributes ?? {};
              return {
                sqsManagedSse: values.SqsManagedSseEnabled === 'true',
                kmsMasterKeyId: values.KmsMasterKeyId || undefined,
                policy:
                  values.Policy === undefined
                    ? { kind: 'absent', errorName: 'NoPolicy' }
                    : policyText(values.Policy, 'sqs:GetQueueAttributes', 'the queue policy'),
              };
            }),
          };
        }),
    );
    appendAll(state.queues, listed.items);
  }
  return { state, gaps };
}

/** Amazon SQS in the account state: `state.sqs` (queues of every region with their attributes). */
export default defineServiceState({
  sections: ['sqs'],
  normalise: (snapshot, context) => normaliseSqs(snapshot.sqs ?? {}, context),
  resources: {
    'sqs-queue': {
      securityHubType: 'AwsSqsQueue',
      // `<account>:<name>`: a colon and no resource type, unlike most services
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:sqs:${region}:${accountId}:${id}`,
      of: (state: SqsState) => state.queues,
    },
  },
  operations: {
    'sqs:ListQueues': { scope: 'sqs-queue', read: (_state: SqsState, q: SqsQueue) => present(q) },
    'sqs:GetQueueAttributes': { scope: 'sqs-queue', read: (_state: SqsState, q: SqsQueue) => q.attributes },
  },
});
