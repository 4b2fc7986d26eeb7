import { describe, expect, it } from 'vitest';
import { invocation } from '../../src/cli/invocation.ts';
import { demoHints } from '../../src/cli/demo.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';

describe('"Try next" hints repeat the invocation used', () => {
  it('npx, the npm script, or the plain command', () => {
    expect(invocation({ npm_command: 'exec', npm_lifecycle_event: 'npx' })).toBe('npx cloudwarden');
    expect(invocation({ npm_command: 'run-script', npm_lifecycle_event: 'cloudwarden' })).toBe(
      'npm run cloudwarden --',
    );
    expect(invocation({ npm_command: 'run-script', npm_lifecycle_event: 'test' })).toBe('cloudwarden');
    expect(invocation({})).toBe('cloudwarden');
  });

  it('demo run through npx suggests npx commands', async () => {
    const result = await runCliInProcess(['demo', '--format', 'json'], {
      env: { npm_command: 'exec', npm_lifecycle_event: 'npx' },
    });
    expect(result.stderr).toContain('  npx cloudwarden demo --arn arn:aws:s3:::demo-public-by-policy');
    const plain = await runCliInProcess(['demo', '--format', 'json'], {
      env: { npm_command: '', npm_lifecycle_event: '' },
    });
    expect(plain.stderr).toMatch(/^ {2}cloudwarden demo --arn/m);
  });

  it('fits "Try next" in 80 columns whatever the invocation', () => {
    for (const me of ['cloudwarden', 'npx cloudwarden', 'npm run cloudwarden --']) {
      const text = demoHints(me);
      expect(text).toContain(`  ${me} demo --severity critical,high --exit-code 1`);
      expect(text).toContain('fail a CI job on serious findings');
      for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
  });
});
