// Every Stratus Red Team technique recorded in test/fixtures/third-party/stratus-red-team raises, with the built-in
// packs alone, at least one alert that names it (tag stratus_<technique id>).
import { describe, expect, it } from 'vitest';
import { alertsOf, stratusRecords } from '../engine/support.ts';
import { builtinMatcher, builtinRules } from './pack-cases.ts';

/**
 * Techniques whose packs are written on other branches (packs-a: compute, data sharing, AI services; stateful:
 * bulk secret reads and stolen instance credentials). Emptied as those branches land: the test below fails as soon
 * as a technique listed here is covered, or one not listed is not.
 */
const PENDING_OTHER_BRANCHES = new Set([
  'aws.credential-access.ec2-get-password-data',
  'aws.discovery.ec2-download-user-data',
  'aws.execution.ec2-launch-unusual-instances',
  'aws.execution.ec2-user-data',
  'aws.execution.ssm-send-command',
  'aws.execution.ssm-start-session',
  'aws.exfiltration.ec2-share-ami',
  'aws.exfiltration.ec2-share-ebs-snapshot',
  'aws.exfiltration.rds-share-snapshot',
  'aws.impact.bedrock-invoke-model',
  'aws.lateral-movement.ec2-instance-connect',
  'aws.lateral-movement.ec2-serial-console-send-ssh-public-key',
  'aws.credential-access.secretsmanager-retrieve-secrets',
  'aws.credential-access.secretsmanager-batch-retrieve-secrets',
  'aws.credential-access.ssm-retrieve-securestring-parameters',
  'aws.credential-access.ec2-steal-instance-credentials',
]);

const stratus = stratusRecords();
const techniques = [...stratus.keys()];

/** the stratus_ tags of every alert the technique's records raise */
function namedTechniques(technique: string): Set<string> {
  const tags = new Set<string>();
  for (const line of stratus.get(technique) ?? []) {
    for (const alert of alertsOf(builtinMatcher, line)) for (const tag of alert.tags) if (tag.startsWith('stratus_')) tags.add(tag);
  }
  return tags;
}

describe('Stratus Red Team coverage of the built-in packs', () => {
  it('reads all 35 recorded techniques', () => {
    expect(techniques).toHaveLength(35);
  });

  it.each(techniques.filter((t) => !PENDING_OTHER_BRANCHES.has(t)))('%s raises an alert tagged with its id', (technique) => {
    expect([...namedTechniques(technique)]).toContain(`stratus_${technique}`);
  });

  it('PENDING_OTHER_BRANCHES is exactly the techniques not covered yet', () => {
    const uncovered = techniques.filter((t) => !namedTechniques(t).has(`stratus_${t}`));
    expect(uncovered.sort()).toEqual([...PENDING_OTHER_BRANCHES].sort());
  });

  it('every stratus_ tag of a built-in rule names a recorded technique', () => {
    const tags = builtinRules.rules.flatMap((r) => r.tags.filter((t) => t.startsWith('stratus_')).map((t) => `${r.name}: ${t}`));
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.filter((t) => !stratus.has(t.slice(t.indexOf(': stratus_') + ': stratus_'.length)))).toEqual([]);
  });
});
