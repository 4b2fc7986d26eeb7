import { describe, expect, it } from 'vitest';
import { roleOfInstanceProfile } from '../../src/services/iam/model.ts';
import { normalise } from '../../src/model/normalise.ts';
import { authorizationDetails, iamSnapshot, roleDetail } from '../support/iam-builders.ts';
import { ACCOUNT_ID, awsError } from '../support/snapshot-builders.ts';

const PROFILE = `arn:aws:iam::${ACCOUNT_ID}:instance-profile/app/web`;

/** GetAccountAuthorizationDetails with role web in instance profiles `app/web` and `web-old`. */
function withProfiles() {
  const details = authorizationDetails();
  const entry = (arn: string) => ({
    Path: '/app/',
    InstanceProfileName: 'web',
    InstanceProfileId: 'AIPAEXAMPLEPROFILE01',
    Arn: arn,
    CreateDate: '2025-01-01T00:00:00Z',
    Roles: [],
  });
  return {
    ...details,
    RoleDetailList: [
      ...(details.RoleDetailList ?? []),
      roleDetail('web', {
        InstanceProfileList: [entry(PROFILE), entry(`arn:aws:iam::${ACCOUNT_ID}:instance-profile/web-old`)],
      }),
    ],
  };
}

describe('roleOfInstanceProfile', () => {
  it('finds the role that holds the profile, by its full ARN with the path', () => {
    const { iam } = normalise(iamSnapshot({ GetAccountAuthorizationDetails: withProfiles() }));
    const found = roleOfInstanceProfile(iam, PROFILE);
    expect(found.kind === 'present' && found.value?.arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/web`);
    expect(iam.principals.find((p) => p.name === 'web')?.instanceProfileArns).toEqual([
      PROFILE,
      `arn:aws:iam::${ACCOUNT_ID}:instance-profile/web-old`,
    ]);
    expect(iam.principals.find((p) => p.name === 'alice')?.instanceProfileArns).toEqual([]);
  });

  it('says when IAM was read and no role holds the profile (same name, no path)', () => {
    const { iam } = normalise(iamSnapshot({ GetAccountAuthorizationDetails: withProfiles() }));
    expect(roleOfInstanceProfile(iam, `arn:aws:iam::${ACCOUNT_ID}:instance-profile/web`)).toEqual({
      kind: 'present',
      value: undefined,
    });
  });

  it('passes on why the roles could not be read', () => {
    const denied = normalise(
      iamSnapshot({ GetAccountAuthorizationDetails: awsError('AccessDenied', 'not authorized') as never }),
    ).iam;
    expect(roleOfInstanceProfile(denied, PROFILE)).toEqual({
      kind: 'error',
      operation: 'iam:GetAccountAuthorizationDetails',
      error: { name: 'AccessDenied', message: 'not authorized' },
    });
    const notCollected = normalise(iamSnapshot({ GetAccountAuthorizationDetails: undefined })).iam;
    expect(roleOfInstanceProfile(notCollected, PROFILE)).toEqual({
      kind: 'missing',
      operation: 'iam:GetAccountAuthorizationDetails',
    });
  });
});
