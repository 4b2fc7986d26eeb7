/**
 * A small stand-in for the rule engine, so that pipeline tests do not depend on rule semantics: one alert per
 * record whose eventName is in `alertOn`; the same checks for bad records as the real matcher promises.
 */
import type { Alert, Matcher, MatchOutcome } from '../../../../src/detect/engine/types.ts';

export interface FakeMatcherInput {
  alertOn: string[];
}

export function fakeMatcher(input: FakeMatcherInput): Matcher {
  const watched = new Set(input.alertOn);
  return {
    ruleCount: 1,
    matchRaw(text: string): MatchOutcome {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        return { kind: 'bad', reason: `invalid JSON (${(error as Error).message})` };
      }
      if (typeof record.eventName !== 'string') return { kind: 'bad', reason: 'record has no eventName' };
      if (typeof record.eventTime !== 'string') return { kind: 'bad', reason: 'record has no eventTime' };
      if (!watched.has(record.eventName)) return { kind: 'ok', alerts: [], evaluated: false };
      const alert: Alert = {
        time: record.eventTime,
        rule: `Watched ${record.eventName}`,
        priority: 'WARNING',
        output: `saw ${record.eventName} (id=${String(record.eventID)})`,
        tags: ['test'],
        source: 'aws_cloudtrail',
        output_fields: { 'ct.name': record.eventName },
        eventID: typeof record.eventID === 'string' ? record.eventID : null,
        eventName: record.eventName,
        awsRegion: typeof record.awsRegion === 'string' ? record.awsRegion : null,
        recipientAccountId: typeof record.recipientAccountId === 'string' ? record.recipientAccountId : null,
      };
      return { kind: 'ok', alerts: [alert], evaluated: true };
    },
  };
}

export const fakeRecipe = (alertOn: string[]) => ({
  module: new URL('./fake-matcher.ts', import.meta.url).href,
  exportName: 'fakeMatcher',
  input: { alertOn } satisfies FakeMatcherInput,
});
