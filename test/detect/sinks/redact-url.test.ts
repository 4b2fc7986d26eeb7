import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/detect/sinks/redact-url.ts';

describe('redactUrl', () => {
  it.each([
    ['https://hooks.example.com/cw', 'https://hooks.example.com/cw'],
    ['https://hooks.example.com/', 'https://hooks.example.com/'],
    ['https://user:pass@hooks.example.com/cw', 'https://***@hooks.example.com/cw'],
    ['https://token@hooks.example.com/cw', 'https://***@hooks.example.com/cw'],
    [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/services/…',
    ],
    ['https://discord.com/api/webhooks/123456789/abcdefTOKEN', 'https://discord.com/api/…'],
    ['https://example.com/0123456789abcdef0123456789abcdef', 'https://example.com/…'],
    ['http://127.0.0.1:8080/hook?token=secret&x=1', 'http://127.0.0.1:8080/hook?…'],
    ['https://example.com/hook#frag', 'https://example.com/hook?…'],
    ['not a url', '(not a URL)'],
  ])('%s is printed as %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('keeps the path of a queue URL (account and queue name are no secret), still without credentials or query', () => {
    expect(
      redactUrl('https://k:s@sqs.us-east-1.amazonaws.com/111122223333/trail-events?X-Amz-Security-Token=abc', {
        keepPath: true,
      }),
    ).toBe('https://***@sqs.us-east-1.amazonaws.com/111122223333/trail-events?…');
  });
});
