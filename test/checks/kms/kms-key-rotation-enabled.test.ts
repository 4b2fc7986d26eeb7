import check from '../../../src/checks/kms/kms-key-rotation-enabled.ts';
import { testCheck } from '../../support/check-tester.ts';
import {
  kmsDeniedCases,
  KEY_ARN,
  KEY_ID,
  keyMetadata,
  kmsRegion,
  REGION,
  regionalSnapshot,
} from '../../support/detection-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const kms = (entry: ReturnType<typeof kmsRegion>) => regionalSnapshot({ kms: { [REGION]: entry } });

testCheck(check, {
  pass: [
    { name: 'rotation on, yearly', snapshot: kms(kmsRegion()), message: 'rotates automatically every 365 days' },
    {
      name: 'an asymmetric key (rotation does not exist)',
      snapshot: kms(kmsRegion(undefined, keyMetadata({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))),
      message: 'does not exist for RSA_2048 keys',
    },
    {
      name: 'a disabled key',
      snapshot: kms(kmsRegion(undefined, keyMetadata({ Enabled: false, KeyState: 'Disabled' }))),
      message: 'the key is disabled',
    },
  ],
  fail: [
    {
      name: 'rotation off',
      snapshot: kms(kmsRegion({ KeyId: KEY_ARN, KeyRotationEnabled: false })),
      message: `automatic rotation is off for key ${KEY_ID}`,
    },
  ],
  unknown: [
    {
      name: 'GetKeyRotationStatus denied by the key policy',
      snapshot: kms(
        kmsRegion(awsError('AccessDeniedException', 'not authorized to perform: kms:GetKeyRotationStatus')),
      ),
      message: 'AccessDeniedException on kms:GetKeyRotationStatus',
    },
    ...kmsDeniedCases(),
  ],
});
