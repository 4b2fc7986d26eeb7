import check from '../../../src/checks/kms/kms-key-not-pending-deletion.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  kmsDeniedCases,
  KEY_ID,
  keyMetadata,
  kmsRegion,
  REGION,
  regionalSnapshot,
} from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const kms = (entry: ReturnType<typeof kmsRegion>) => regionalSnapshot({ kms: { [REGION]: entry } });
// KMS answers GetKeyRotationStatus with KMSInvalidStateException for a key pending deletion
const pendingRotation = awsError(
  'KMSInvalidStateException',
  `arn:aws:kms:${REGION}:123456789012:key/${KEY_ID} is pending deletion.`,
);

testCheck(check, {
  pass: [
    {
      name: 'an enabled key',
      snapshot: kms(kmsRegion()),
      message: `key ${KEY_ID} is not scheduled for deletion (Enabled)`,
    },
    {
      name: 'a disabled key (not scheduled)',
      snapshot: kms(kmsRegion(undefined, keyMetadata({ Enabled: false, KeyState: 'Disabled' }))),
      message: '(Disabled)',
    },
  ],
  fail: [
    {
      name: 'PendingDeletion with its date',
      snapshot: kms(
        kmsRegion(
          pendingRotation,
          keyMetadata({ Enabled: false, KeyState: 'PendingDeletion', DeletionDate: '2026-12-01T00:00:00.000Z' }),
        ),
      ),
      message: 'scheduled for deletion on 2026-12-01',
    },
  ],
  unknown: [...kmsDeniedCases()],
});
