import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { KMS_LISTINGS, KMS_PER_RESOURCE } from './schema.ts';
import { rotationNotApplicable } from '../kms/normalise.ts';
import { defineService } from '../define-service.ts';

type KeyMetadata = { KeyManager?: string; KeySpec?: string; Enabled?: boolean; Origin?: string };

/** KMS evidence of one region: every key, and the rotation status of enabled customer managed symmetric keys. */
export default defineService({
  name: 'kms',
  title: 'AWS KMS',
  scope: 'regional',
  client: KMSClient,
  operations: {
    ListKeys: {
      command: ListKeysCommand,
      input: () => ({ Limit: 1000 }),
      pages: { input: 'Marker', output: 'NextMarker', more: 'Truncated', items: ['Keys'] },
      response: KMS_LISTINGS.ListKeys,
      iam: ['kms:ListKeys'],
    },
    DescribeKey: {
      command: DescribeKeyCommand,
      perResource: {
        after: ['ListKeys'],
        targets: (answers) =>
          ((answers.ListKeys as { Keys?: { KeyId: string }[] } | undefined)?.Keys ?? []).map((k) => ({
            key: k.KeyId,
            input: { KeyId: k.KeyId },
          })),
      },
      response: KMS_PER_RESOURCE.DescribeKey,
      iam: ['kms:DescribeKey'],
    },
    GetKeyRotationStatus: {
      command: GetKeyRotationStatusCommand,
      perResource: {
        after: ['DescribeKey'],
        targets: (answers) =>
          Object.entries(
            (answers.DescribeKey as Record<string, { KeyMetadata?: KeyMetadata }> | undefined) ?? {},
          ).flatMap(([id, answer]) => {
            const meta = answer.KeyMetadata;
            if (!meta || meta.KeyManager !== 'CUSTOMER') return [];
            return rotationNotApplicable({ enabled: meta.Enabled === true, keySpec: meta.KeySpec, origin: meta.Origin })
              ? []
              : [{ key: id, input: { KeyId: id } }];
          }),
      },
      response: KMS_PER_RESOURCE.GetKeyRotationStatus,
      iam: ['kms:GetKeyRotationStatus'],
    },
  },
});
