import type { Observed } from '../../model/observed.ts';

/** A customer managed KMS key (ARN `arn:<partition>:kms:<region>:<account>:key/<id>`); AWS managed keys rotate by themselves. */
export interface KmsKey {
  kind: 'kms-key';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  /** DescribeKey; the fields below are only meaningful when it is present */
  metadata: Observed<{
    keySpec?: string;
    keyState?: string;
    enabled: boolean;
    origin?: string;
    description?: string;
    /** ISO date a key in `PendingDeletion` is deleted */
    deletionDate?: string;
  }>;
  /**
   * GetKeyRotationStatus, asked for enabled symmetric keys only: automatic rotation does not exist for
   * asymmetric, HMAC, imported or disabled keys, which say so with `applicable: false`.
   */
  rotation: Observed<{ applicable: true; enabled: boolean; periodDays?: number } | { applicable: false; why: string }>;
}

export interface KmsState {
  keys: KmsKey[];
}
