import { describe, expect, it } from 'vitest';
import { invocation } from '../../src/cli/invocation.ts';
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
});
