/**
 * `webhook:URL`: each notice POSTed as JSON (`notice.json`: for alerts the Falco alert object of `detect --format
 * json`). With a secret, each request is signed so the receiver can tell it came from cloudwarden and is fresh:
 * `X-Cloudwarden-Timestamp` (Unix seconds) and `X-Cloudwarden-Signature: v1=HEX`, where HEX is
 * HMAC-SHA256(secret, `${timestamp}.${body}`). docs/notify.md shows how to verify it.
 */
import { createHmac } from 'node:crypto';
import { HttpEndpoint, type HttpSinkOptions } from './http-post.ts';
import type { Notice } from './notice.ts';
import type { Outcome, Transport } from './transport.ts';

export const SIGNATURE_HEADER = 'x-cloudwarden-signature';
export const TIMESTAMP_HEADER = 'x-cloudwarden-timestamp';

/** `v1=` + HMAC-SHA256 of `timestamp.body`: binding the time into the MAC is what makes a replayed request stale. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookTransport implements Transport {
  readonly label = 'webhook';
  readonly shown: string;
  readonly maxBatch = 1;
  readonly concurrency: number;
  private readonly endpoint: HttpEndpoint;

  constructor(
    url: string,
    private readonly secret: string | undefined,
    options: HttpSinkOptions = {},
    field = '--webhook',
  ) {
    this.endpoint = new HttpEndpoint(url, options, field);
    this.shown = this.endpoint.shown;
    this.concurrency = options.concurrency ?? 4;
  }

  async send(notices: readonly Notice[]): Promise<Outcome[]> {
    const [notice] = notices;
    const body = JSON.stringify(notice!.json);
    const headers: Record<string, string> = { 'x-cloudwarden-kind': notice!.kind };
    if (this.secret !== undefined) {
      const timestamp = String(Math.floor(this.endpoint.now() / 1000));
      headers[TIMESTAMP_HEADER] = timestamp;
      headers[SIGNATURE_HEADER] = signature(this.secret, timestamp, body);
    }
    return [await this.endpoint.post(body, headers)];
  }
}
