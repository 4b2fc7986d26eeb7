/**
 * --webhook URL: POSTs each alert as JSON, a few requests in flight at once. An alert is accepted on a 2xx answer
 * only; until then the input it came from is not settled (no SQS delete, no checkpoint move), so an alert the
 * endpoint never takes is redelivered by the source rather than lost.
 *
 * Network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff (a Retry-After up to a cap is
 * honoured; a longer one gives up); other 4xx are not (the request itself is wrong). Each request has a timeout.
 * Redirects to the same origin are followed with the same POST; a redirect to another origin is a failure and the
 * body is never sent there. Once an alert has failed after all its retries, the endpoint is taken as down: alerts
 * written during the next `cooldownMs` fail at once without a request, so a dead or hanging endpoint costs one
 * alert's retries, not every alert's. The queue is bounded: `write` waits for room (backpressure), nothing is dropped.
 */
import { UserError } from '../../errors.ts';
import type { Alert } from '../engine/types.ts';
import { alertJson, type AlertHandoff, type AlertSink } from './alert-sink.ts';
import { redactUrl } from './redact-url.ts';

export interface WebhookOptions {
  url: string;
  /** alerts waiting to be sent; `write` waits beyond it */
  maxQueue?: number;
  /** requests in flight at once */
  concurrency?: number;
  /** tries per alert, the first included */
  maxAttempts?: number;
  /** wait before the first retry; doubled for each next one */
  baseDelayMs?: number;
  /** per request, answer body included */
  timeoutMs?: number;
  /** the longest Retry-After waited for; a longer one fails the alert */
  maxRetryAfterMs?: number;
  /** after an alert failed for good: how long later alerts fail without a request */
  cooldownMs?: number;
  userAgent?: string;
  /** the backoff sleep (tests record the delays instead of waiting) */
  sleep?: (ms: number) => Promise<void>;
}

const MAX_REDIRECTS = 5;

interface Job {
  body: string;
  done: (accepted: boolean) => void;
}

type Attempt = { ok: true } | { ok: false; reason: string; retry: boolean; retryAfterMs?: number };

export class WebhookSink implements AlertSink {
  private readonly waiting: Job[] = [];
  private inFlight = 0;
  private readonly roomWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private sent = 0;
  private failed = 0;
  private lastReason = '';
  /** Date.now() before which the endpoint is taken as down */
  private downUntil = 0;
  private readonly url: string;
  private readonly shownUrl: string;
  /** `user:password@` of the URL, sent as Basic authorization (fetch refuses credentials in a URL) */
  private readonly authorization: string | undefined;
  private readonly maxQueue: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly cooldownMs: number;
  private readonly userAgent: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: WebhookOptions) {
    const url = checkUrl(options.url);
    if (url.username || url.password) {
      this.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    this.url = url.href;
    this.shownUrl = redactUrl(options.url);
    this.maxQueue = options.maxQueue ?? 1000;
    this.concurrency = options.concurrency ?? 4;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.userAgent = options.userAgent ?? 'cloudwarden';
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async write(alert: Alert): Promise<AlertHandoff> {
    while (this.waiting.length >= this.maxQueue) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    let done!: (accepted: boolean) => void;
    const accepted = new Promise<boolean>((resolve) => (done = resolve));
    this.waiting.push({ body: alertJson(alert), done });
    this.pump();
    return { accepted };
  }

  async close(): Promise<void> {
    while (this.inFlight > 0 || this.waiting.length > 0)
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  summary(): string {
    return `webhook: ${this.sent} delivered, ${this.failed} failed`;
  }

  failure(): string | undefined {
    if (this.failed === 0) return undefined;
    return `webhook: ${this.failed} alert${this.failed === 1 ? '' : 's'} not delivered (${this.lastReason} from ${this.shownUrl})`;
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.roomWaiters.shift()?.();
      this.inFlight++;
      void this.deliver(job.body).then((accepted) => {
        if (accepted) this.sent++;
        else this.failed++;
        this.inFlight--;
        job.done(accepted);
        this.pump();
        if (this.inFlight === 0 && this.waiting.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  private async deliver(body: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (Date.now() < this.downUntil) return false;
      const result = await this.post(body);
      if (result.ok) {
        this.downUntil = 0;
        return true;
      }
      this.lastReason = result.reason;
      if (!result.retry) return false;
      const backoff = this.baseDelayMs * 2 ** (attempt - 1);
      const tooLong = result.retryAfterMs !== undefined && result.retryAfterMs > this.maxRetryAfterMs;
      if (attempt >= this.maxAttempts || tooLong) {
        if (tooLong)
          this.lastReason += ` with Retry-After ${Math.ceil(result.retryAfterMs! / 1000)} s, beyond the ${this.maxRetryAfterMs / 1000} s cap`;
        this.downUntil = Date.now() + this.cooldownMs;
        return false;
      }
      await this.sleep(Math.max(backoff, result.retryAfterMs ?? 0));
    }
  }

  /** One POST, following same-origin redirects; the body never leaves the webhook's origin. */
  private async post(body: string): Promise<Attempt> {
    let url = this.url;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': this.userAgent,
            ...(this.authorization ? { authorization: this.authorization } : {}),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.arrayBuffer();
      } catch (error) {
        return { ok: false, reason: networkReason(error, this.timeoutMs), retry: true };
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const next = URL.canParse(location, url) ? new URL(location, url) : undefined;
        if (!next)
          return { ok: false, reason: `HTTP ${response.status} redirect without a valid Location`, retry: false };
        if (next.origin !== new URL(this.url).origin) {
          return {
            ok: false,
            reason: `HTTP ${response.status} redirect to another origin (${redactUrl(next)}), not followed`,
            retry: false,
          };
        }
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects`, retry: false };
        url = next.href;
        continue;
      }
      if (response.ok) return { ok: true };
      const status = response.status;
      return {
        ok: false,
        reason: `HTTP ${status}`,
        retry: status >= 500 || status === 429 || status === 408,
        retryAfterMs: retryAfter(response.headers.get('retry-after')),
      };
    }
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // undici's messages may quote the URL: only the code is shown
  return cause?.code ?? 'network error';
}

/** `Retry-After: 120` or `Retry-After: Fri, 31 Jul 2024 13:06:24 GMT`, in ms from now; undefined when absent or unreadable. */
function retryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('not a URL', { field: '--webhook' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UserError(`only http and https URLs are supported, not ${parsed.protocol}`, { field: '--webhook' });
  return parsed;
}
