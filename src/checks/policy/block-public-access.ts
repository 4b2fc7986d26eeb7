import type { AccountState } from '../../model/account-state.ts';
import { unreadableReason, type Observed } from '../../model/observed.ts';
import {
  PUBLIC_ACCESS_BLOCK_FLAG_NAMES,
  type PublicAccessBlock,
  type PublicAccessBlockFlag,
  type S3Bucket,
} from '../../services/s3/model.ts';

/**
 * Whether one Block Public Access setting is in force for a bucket. S3 applies the most
 * restrictive combination of the bucket and account settings, so either level turns it on.
 */
export type FlagInForce =
  | { state: 'on'; by: 'bucket' | 'account' | 'bucket and account' }
  | { state: 'off' }
  | { state: 'unknown'; reason: string };

/** The flag at one level: `NoSuchPublicAccessBlockConfiguration` means every flag is off. */
function level(observed: Observed<PublicAccessBlock>, flag: PublicAccessBlockFlag): boolean | string {
  if (observed.kind === 'present') return observed.value[flag];
  if (observed.kind === 'absent') return false;
  return unreadableReason(observed) ?? 'unreadable';
}

export function flagInForce(bucket: S3Bucket, state: AccountState, flag: PublicAccessBlockFlag): FlagInForce {
  const atBucket = level(bucket.publicAccessBlock, flag);
  const atAccount = level(state.s3.accountPublicAccessBlock, flag);
  if (atBucket === true && atAccount === true) return { state: 'on', by: 'bucket and account' };
  if (atBucket === true) return { state: 'on', by: 'bucket' };
  if (atAccount === true) return { state: 'on', by: 'account' };
  const reasons = [atBucket, atAccount].filter((r): r is string => typeof r === 'string');
  if (reasons.length > 0) return { state: 'unknown', reason: reasons.join('; ') };
  return { state: 'off' };
}

/** `RestrictPublicBuckets (account)` for messages. */
export function describeInForce(flag: PublicAccessBlockFlag, inForce: FlagInForce & { state: 'on' }): string {
  return `${PUBLIC_ACCESS_BLOCK_FLAG_NAMES[flag]} is on at ${inForce.by} level`;
}
