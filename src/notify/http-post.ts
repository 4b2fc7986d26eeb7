/**
 * One JSON POST to a webhook-style endpoint (the generic webhook, Slack), classified for the retry loop: network
 * errors, timeouts, 408, 429 and 5xx are worth another try (with the answer's Retry-After), other 4xx are not.
 * Redirects to the same origin are followed with the same POST; a redirect to another origin is a failure and the
 * body is never sent there. `user:password@` in the URL is sent as Basic authorization (fetch refuses it in a URL).
 */
import { UserError } from '../errors.ts';
import { redactUrl } from '../detect/sinks/redact-url.ts';
import type { Outcome } from './transport.ts';

export interface HttpSinkOptions {
  /** per request, answer body included */
  timeoutMs?: number;
  userAgent?: string;
  now?: () => number;
  /** requests in flight at once (webhooks: 4) */
  concurrency?: number;
}

const MAX_REDIRECTS = 5;

export interface PostTarget {
  /** the URL without credentials */
  url: string;
  origin: string;
  authorization: string | undefined;
}

/** Checks an http(s) URL given on the command line or in a config file; the error never echoes it. */
export function postTarget(text: string, field: string): PostTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError('not a URL', { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError(`only http and https URLs are supported, not ${url.protocol}`, { field });
  let authorization: string | undefined;
  if (url.username || url.password) {
    authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { url: url.href, origin: url.origin, authorization };
}

/** An http(s) sink's endpoint (webhook, Slack): the checked URL, its printable form and how long a request may take. */
export class HttpEndpoint {
  readonly shown: string;
  private readonly target: PostTarget;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  readonly now: () => number;

  constructor(url: string, options: HttpSinkOptions, field: string) {
    this.target = postTarget(url, field);
    this.shown = redactUrl(url);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.userAgent = options.userAgent ?? 'cloudwarden';
    this.now = options.now ?? Date.now;
  }

  post(body: string, headers: Record<string, string> = {}): Promise<Outcome> {
    return postJson(this.target, body, { 'user-agent': this.userAgent, ...headers }, this.timeoutMs, this.now);
  }
}

export async function postJson(
  target: PostTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  now: () => number,
): Promise<Outcome> {
  let url = target.url;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...(target.authorization ? { authorization: target.authorization } : {}),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
    } catch (error) {
      return { status: 'retry', reason: networkReason(error, timeoutMs) };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
      if (!next) return { status: 'failed', reason: `HTTP ${response.status} redirect without a valid Location` };
      if (next.origin !== target.origin) {
        return {
          status: 'failed',
          reason: `HTTP ${response.status} redirect to another origin (${redactUrl(next)}), not followed`,
        };
      }
      if (hop >= MAX_REDIRECTS) return { status: 'failed', reason: `more than ${MAX_REDIRECTS} redirects` };
      url = next.href;
      continue;
    }
    if (response.ok) return { status: 'ok' };
    const code = response.status;
    const reason = `HTTP ${code}`;
    if (code >= 500 || code === 429 || code === 408) {
      const wait = retryAfter(response.headers.get('retry-after'), now);
      return { status: 'retry', reason, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
    }
    return { status: 'failed', reason };
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string } }).cause;
  // undici's messages may quote the URL: only the code is shown
  return cause?.code ?? 'network error';
}

/** `Retry-After: 120` or `Retry-After: Fri, 31 Jul 2024 13:06:24 GMT`, in ms from now; undefined when absent or unreadable. */
export function retryAfter(value: string | null, now: () => number): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}
