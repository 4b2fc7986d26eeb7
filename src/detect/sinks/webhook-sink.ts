/**
 * --webhook URL: POSTs each alert as JSON, in order, one request at a time. Network errors, 5xx and 429 are
 * retried with exponential backoff; other 4xx are not (the request itself is wrong). The queue is bounded: when
 * the endpoint cannot keep up, the oldest alerts are dropped and counted, so detection never stalls or grows
 * without limit. `close()` delivers what is queued before the process exits.
 */
import { UserError } from '../../errors.ts';
import type { Alert } from '../engine/types.ts';
import { alertJson, type AlertSink } from './alert-sink.ts';

export interface WebhookOptions {
  url: string;
  /** alerts waiting to be sent; beyond it the oldest is dropped */
  maxQueue?: number;
  /** tries per alert, the first included */
  maxAttempts?: number;
  /** wait before the first retry; doubled for each next one */
  baseDelayMs?: number;
  /** per request */
  timeoutMs?: number;
  userAgent?: string;
}

export class WebhookSink implements AlertSink {
  private readonly queue: Alert[] = [];
  private sending: Promise<void> | undefined;
  private sent = 0;
  private failed = 0;
  private dropped = 0;
  private lastError = '';
  private readonly url: string;
  private readonly maxQueue: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(options: WebhookOptions) {
    this.url = checkUrl(options.url);
    this.maxQueue = options.maxQueue ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.userAgent = options.userAgent ?? 'cloudwarden';
  }

  write(alert: Alert): void {
    if (this.queue.length >= this.maxQueue) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(alert);
    this.sending ??= this.drain().finally(() => (this.sending = undefined));
  }

  async close(): Promise<void> {
    while (this.sending) await this.sending;
  }

  summary(): string {
    const why = this.failed > 0 && this.lastError ? ` (last error: ${this.lastError})` : '';
    return `webhook: ${this.sent} delivered, ${this.failed} failed, ${this.dropped} dropped${why}`;
  }

  delivered(): boolean {
    return this.failed === 0 && this.dropped === 0;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const alert = this.queue.shift();
      if (!alert) return;
      if (await this.deliver(alertJson(alert))) this.sent++;
      else this.failed++;
    }
  }

  private async deliver(body: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      let retry: boolean;
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': this.userAgent },
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return true;
        this.lastError = `HTTP ${response.status}`;
        retry = response.status >= 500 || response.status === 429;
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        this.lastError = cause?.code ?? cause?.message ?? (error as Error).message;
        retry = true;
      }
      if (!retry || attempt >= this.maxAttempts) return false;
      await new Promise((resolve) => setTimeout(resolve, this.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`not a URL: ${url}`, { field: '--webhook' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UserError(`only http and https URLs are supported: ${url}`, { field: '--webhook' });
  return parsed.href;
}
