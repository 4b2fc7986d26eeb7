import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, formatAlertText, loadRulesFromSources } from '../../../src/detect/engine/index.ts';
import { alertsOf } from '../engine/support.ts';

const DOC = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

/** The fenced block right after `<!-- sigma-example:NAME ... -->` in docs/rules.md. */
function block(name: string): string {
  const match = new RegExp(`<!-- sigma-example:${name}\\b[^>]*-->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n`).exec(DOC);
  if (!match?.[1]) throw new Error(`docs/rules.md has no sigma-example:${name} block`);
  return match[1];
}

describe('the Sigma example of docs/rules.md', () => {
  const matcher = compileMatcher(loadRulesFromSources([{ file: 'trail-stopped.yml', text: block('rule') }]));
  const event = JSON.parse(block('event')) as Record<string, unknown>;

  it('prints the alert line the docs show', () => {
    expect(alertsOf(matcher, JSON.stringify(event)).map(formatAlertText)).toEqual([block('alert').trim()]);
  });

  it('stays quiet on the same call refused, as the docs say', () => {
    expect(
      alertsOf(
        matcher,
        JSON.stringify({
          ...event,
          errorCode: 'AccessDenied',
          errorMessage:
            'User: arn:aws:iam::111122223333:user/mallory is not authorized to perform: cloudtrail:StopLogging',
        }),
      ),
    ).toEqual([]);
  });
});
