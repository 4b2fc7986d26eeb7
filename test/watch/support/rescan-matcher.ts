/** The rescan rules built from every check's triggers, and what they raise for one CloudTrail record. */
import { CHECKS } from '../../../src/checks/catalogue.ts';
import { compileMatcher, loadRulesFromSources, type Alert } from '../../../src/detect/engine/index.ts';
import { rescanRuleSource } from '../../../src/watch/rescan-rule.ts';

const matcher = compileMatcher(loadRulesFromSources([rescanRuleSource(CHECKS)!]));

/** The alerts of `record`, completed with an event time, id, region (eu-west-1) and account. */
export function rescanAlertsFor(record: Record<string, unknown>): Alert[] {
  const outcome = matcher.matchRaw(
    JSON.stringify({
      eventVersion: '1.08',
      eventTime: '2026-11-02T10:00:00Z',
      awsRegion: 'eu-west-1',
      eventID: 'e-1',
      recipientAccountId: '111122223333',
      ...record,
    }),
  );
  return outcome.kind === 'ok' ? outcome.alerts : [];
}
