import { CHECKS } from '../../checks/catalogue.ts';
import type { Check } from '../../checks/define-check.ts';
import type { Control, Framework } from '../framework.ts';
import { FSBP_CONTROLS } from './fsbp-controls.ts';

/**
 * Controls of the standard that no check decides yet but that a report must still show, for a person to verify:
 * the id and why cloudwarden cannot decide it. An entry whose control a check comes to carry is stale (the mapping
 * test fails): the check decides it from then on.
 */
export const FSBP_MANUAL: Readonly<Record<string, string>> = {
  'S3.19': 'S3 access points are not collected yet',
  'S3.24': 'S3 Multi-Region Access Points are not collected yet',
  'S3.25': 'S3 directory buckets are not collected yet',
  'IAM.7':
    'it requires all four character classes, which iam-password-policy-strong (CIS length 14 and reuse 24) reports but does not require',
};

/**
 * Controls decided by other checks than the ones carrying their id as an alias. s3-bucket-policy-not-public carries
 * S3.3 (Security Hub evaluates the same policies) but fails on public reads too, so the write control is decided by
 * the public ACL check (which fails on any public grant) and the public-write policy check.
 */
export const FSBP_DECIDED_BY: Readonly<Record<string, readonly string[]>> = {
  'S3.3': ['s3-bucket-acl-not-public', 's3-bucket-policy-public-write'],
};

/**
 * The FSBP controls cloudwarden lists, in the catalogue's order: every control some check carries as an alias
 * (decided by those checks, in catalogue order), and the manual ones. Adding a check with the control id in its
 * aliases is all it takes to list and decide a control.
 */
export function fsbpControls(checks: readonly Pick<Check, 'id' | 'aliases'>[]): Control[] {
  const controls: Control[] = [];
  for (const [section, rows] of Object.entries(FSBP_CONTROLS)) {
    for (const [id, title, severity] of rows) {
      const carriers = checks.filter((check) => check.aliases.includes(id)).map((check) => check.id);
      const decidedBy = FSBP_DECIDED_BY[id] ?? carriers;
      if (decidedBy.length > 0 || id in FSBP_MANUAL) {
        // the key order of controlsFrom's controls, so JSON output keeps its shape
        controls.push({ id, title, section, checks: [...decidedBy], severity });
      }
    }
  }
  return controls;
}

/** What the report says it covers, from the same data, so that it cannot fall behind the mapping. */
export function fsbpScope(controls: readonly Control[]): string {
  const decided = controls.filter((c) => c.checks.length > 0);
  const sections = [...new Set(decided.map((c) => c.section))];
  const manual = controls.filter((c) => c.checks.length === 0).map((c) => `${c.id} (${FSBP_MANUAL[c.id]})`);
  return (
    `The controls of the standard that cloudwarden decides are listed: ${decided.length}, each decided by the checks that carry ` +
    `its id as an alias (${sections.join(', ')}). ` +
    (manual.length > 0 ? `Listed as manual, for a person to verify: ${manual.join('; ')}. ` : '') +
    `The other controls of the standard are not listed yet.`
  );
}

const controls = fsbpControls(CHECKS);

/** AWS Foundational Security Best Practices v1.0.0 (Security Hub): the controls cloudwarden's checks decide. */
export const awsFsbp: Framework = {
  name: 'aws-fsbp',
  title: 'AWS Foundational Security Best Practices',
  version: '1.0.0',
  scope: fsbpScope(controls),
  controls,
};
