import type { Gap } from '../../model/resource.ts';
import type { NormaliseContext } from '../define-state.ts';
import type { KmsKey, KmsState } from './model.ts';
import type { KmsSection } from './schema.ts';
import { listing, regionsOf } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/** Why automatic rotation does not apply to a key, or undefined when it does (enabled symmetric AWS_KMS key). */
export function rotationNotApplicable(meta: {
  keySpec?: string;
  enabled: boolean;
  origin?: string;
}): string | undefined {
  if (!meta.enabled) return 'the key is disabled';
  if (meta.keySpec && meta.keySpec !== 'SYMMETRIC_DEFAULT')
    return `automatic rotation does not exist for ${meta.keySpec} keys`;
  if (meta.origin && meta.origin !== 'AWS_KMS')
    return `automatic rotation does not exist for keys with origin ${meta.origin}`;
  return undefined;
}

/** Customer managed keys of every region; a failed ListKeys hides the region's keys (a gap). */
export function normaliseKms(section: KmsSection, context: NormaliseContext): { kms: KmsState; gaps: Gap[] } {
  const { accountId } = context;
  const gaps: Gap[] = [];
  const keys: KmsKey[] = [];
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const listed = listing(
      entry.ListKeys,
      { operation: 'kms:ListKeys', region },
      [context.hidden('kms-key', region)],
      gaps,
      (r) => r.Keys,
    );
    for (const key of listed.items) {
      const described = observe(entry.DescribeKey?.[key.KeyId], 'kms:DescribeKey', [], (r) => r.KeyMetadata);
      if (described.kind === 'present' && described.value.KeyManager === 'AWS') continue;
      const metadata: KmsKey['metadata'] = observe(entry.DescribeKey?.[key.KeyId], 'kms:DescribeKey', [], (r) => ({
        enabled: r.KeyMetadata.Enabled === true,
        ...(r.KeyMetadata.KeySpec ? { keySpec: r.KeyMetadata.KeySpec } : {}),
        ...(r.KeyMetadata.KeyState ? { keyState: r.KeyMetadata.KeyState } : {}),
        ...(r.KeyMetadata.Origin ? { origin: r.KeyMetadata.Origin } : {}),
        ...(r.KeyMetadata.Description ? { description: r.KeyMetadata.Description } : {}),
        ...(r.KeyMetadata.DeletionDate ? { deletionDate: r.KeyMetadata.DeletionDate } : {}),
      }));
      const why = metadata.kind === 'present' ? rotationNotApplicable(metadata.value) : undefined;
      const rotation: KmsKey['rotation'] = why
        ? { kind: 'present', value: { applicable: false, why } }
        : observe(entry.GetKeyRotationStatus?.[key.KeyId], 'kms:GetKeyRotationStatus', [], (r) => ({
            applicable: true as const,
            enabled: r.KeyRotationEnabled === true,
            ...(r.RotationPeriodInDays !== undefined ? { periodDays: r.RotationPeriodInDays } : {}),
          }));
      keys.push({
        kind: 'kms-key',
        arn: key.KeyArn ?? context.arn('kms-key', region, key.KeyId),
        region,
        accountId,
        id: key.KeyId,
        metadata,
        rotation,
      });
    }
  }
  return { kms: { keys }, gaps };
}
