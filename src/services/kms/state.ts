import { defineServiceState, resourceArn } from '../define-state.ts';
import type { KmsKey, KmsState } from './model.ts';
import { normaliseKms } from './normalise.ts';

/** AWS KMS in the account state: `state.kms` (customer managed keys of every region). */
export default defineServiceState({
  sections: ['kms'],
  normalise: (snapshot, context) => {
    const { kms, gaps } = normaliseKms(snapshot.kms ?? {}, context);
    return { state: kms, gaps };
  },
  resources: {
    'kms-key': { securityHubType: 'AwsKmsKey', arn: resourceArn('kms', 'key'), of: (state: KmsState) => state.keys },
  },
  operations: {
    'kms:DescribeKey': { scope: 'kms-key', read: (_state: KmsState, key: KmsKey) => key.metadata },
    'kms:GetKeyRotationStatus': { scope: 'kms-key', read: (_state: KmsState, key: KmsKey) => key.rotation },
  },
});
