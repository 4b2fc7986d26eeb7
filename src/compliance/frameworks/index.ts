import { UserError } from '../../errors.ts';
import type { Framework } from '../framework.ts';
import { awsFsbp } from './aws-fsbp.ts';
import { cisAwsV30 } from './cis-aws-v3-0.ts';
import { cisAwsV50 } from './cis-aws-v5-0.ts';
import { cisAwsV60 } from './cis-aws-v6-0.ts';

export const FRAMEWORKS: readonly Framework[] = [cisAwsV30, cisAwsV50, cisAwsV60, awsFsbp];

export function requireFramework(name: string): Framework {
  const framework = FRAMEWORKS.find((f) => f.name === name.toLowerCase());
  if (!framework) {
    throw new UserError(`unknown compliance framework "${name}" (use ${FRAMEWORKS.map((f) => f.name).join(', ')})`, {
      field: '--compliance',
    });
  }
  return framework;
}
