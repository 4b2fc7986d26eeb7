import type { CodeResource } from '../code-resource.ts';
import { type IacEvidence } from '../evidence.ts';
import type { SourceSpan, Value } from '../values.ts';
import { regionEntry } from './regional.ts';

export const KMS_OPERATIONS = ['kms:DescribeKey', 'kms:GetKeyRotationStatus'] as const;

/** A customer managed key as the code creates it. */
export interface KeyDraft {
  resource: CodeResource;
  /** the key id, which is what references to the key resolve to */
  id: string;
  description?: Value;
  enabled: Value;
  keySpec: Value;
  rotation: Value;
  rotationPeriodDays?: Value;
  rotationSpan: SourceSpan;
}

/** ListKeys, DescribeKey and GetKeyRotationStatus as KMS would answer them for these keys. */
export function writeKms(keys: KeyDraft[], region: string, evidence: IacEvidence): void {
  if (keys.length === 0) return;
  const entry = regionEntry(evidence, 'kms', region);
  const describe: Record<string, unknown> = {};
  const rotation: Record<string, unknown> = {};
  const listed = keys.map((k) => {
    const arn = `arn:aws:kms:${region}:${evidence.accountId}:key/${k.id}`;
    evidence.declareCode(arn, k.resource);
    describe[k.id] = evidence.listed(arn, 'kms:DescribeKey', {
      KeyMetadata: {
        KeyId: k.id,
        Arn: arn,
        KeyManager: 'CUSTOMER',
        KeySpec: k.keySpec,
        KeyState: k.enabled === false ? 'Disabled' : 'Enabled',
        Enabled: k.enabled,
        Origin: 'AWS_KMS',
        ...(typeof k.description === 'string' ? { Description: k.description } : {}),
      },
    });
    evidence.source(arn, 'kms:DescribeKey', k.resource.span);
    rotation[k.id] = evidence.listed(arn, 'kms:GetKeyRotationStatus', {
      KeyRotationEnabled: k.rotation,
      ...(k.rotation === true && typeof k.rotationPeriodDays === 'number'
        ? { RotationPeriodInDays: k.rotationPeriodDays }
        : {}),
    });
    evidence.source(arn, 'kms:GetKeyRotationStatus', k.rotationSpan);
    return { KeyId: k.id, KeyArn: arn };
  });
  entry.ListKeys = { Keys: listed };
  entry.DescribeKey = describe;
  entry.GetKeyRotationStatus = rotation;
}
