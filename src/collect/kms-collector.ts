import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { KMS_LISTINGS, KMS_PER_RESOURCE } from '../model/kms-schema.ts';
import { rotationNotApplicable } from '../model/normalise-kms.ts';
import type { RegionContext, RegionalServiceCollector } from './regional-collector.ts';
import { collectPages, KMS_MARKER, perResource } from './token-pages.ts';

/** DescribeKey is one call per key: beyond this many keys per region the rest say `unknown`. */
export const MAX_KEYS_PER_REGION = 1000;

type KeyMetadata = { KeyManager?: string; KeySpec?: string; Enabled?: boolean; Origin?: string };

/** KMS evidence of one region: every key, and the rotation status of enabled customer managed symmetric keys. */
export const kmsCollector: RegionalServiceCollector = {
  service: 'kms',
  async collectRegion(context: RegionContext) {
    const kms = context.clients.client(KMSClient, context.region);
    const ListKeys = await collectPages(context, 'ListKeys', KMS_LISTINGS.ListKeys, 'Keys', KMS_MARKER, (Marker, abortSignal) =>
      kms.send(new ListKeysCommand({ Marker, Limit: 1000 }), { abortSignal }),
    );
    const ids = ((ListKeys as { Keys?: { KeyId: string }[] } | undefined)?.Keys ?? []).map((k) => k.KeyId);
    const DescribeKey = await perResource(ids, MAX_KEYS_PER_REGION, (KeyId) =>
      context.call('DescribeKey', KMS_PER_RESOURCE.DescribeKey, (abortSignal) => kms.send(new DescribeKeyCommand({ KeyId }), { abortSignal })),
    );
    const rotating = Object.entries(DescribeKey ?? {}).flatMap(([id, answer]) => {
      const meta = (answer as { KeyMetadata?: KeyMetadata }).KeyMetadata;
      if (!meta || meta.KeyManager !== 'CUSTOMER') return [];
      return rotationNotApplicable({ enabled: meta.Enabled === true, keySpec: meta.KeySpec, origin: meta.Origin }) ? [] : [id];
    });
    const GetKeyRotationStatus = await perResource(rotating, MAX_KEYS_PER_REGION, (KeyId) =>
      context.call('GetKeyRotationStatus', KMS_PER_RESOURCE.GetKeyRotationStatus, (abortSignal) =>
        kms.send(new GetKeyRotationStatusCommand({ KeyId }), { abortSignal }),
      ),
    );
    return { ListKeys, DescribeKey, GetKeyRotationStatus };
  },
};
