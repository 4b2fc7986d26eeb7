/** Alerts as lines on a stream (stdout or --output-file): Falco's text line or one JSON object per line. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { UserError } from '../../errors.ts';
import { formatAlertText } from '../engine/index.ts';
import type { Alert } from '../engine/types.ts';
import { alertJson, type AlertSink } from './alert-sink.ts';

export type AlertFormat = 'text' | 'json';

export class StreamSink implements AlertSink {
  constructor(
    private readonly out: Writable,
    private readonly format: AlertFormat,
    private readonly ownsStream: boolean,
  ) {}

  async write(alert: Alert): Promise<void> {
    const line = this.format === 'json' ? alertJson(alert) : formatAlertText(alert);
    if (!this.out.write(`${line}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (!this.ownsStream) return;
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** --output-file: created (or truncated) before any event is read, so that a bad path fails the run up front. */
export async function openFileSink(path: string, format: AlertFormat): Promise<StreamSink> {
  const out = createWriteStream(path);
  try {
    await once(out, 'open');
  } catch (error) {
    throw new UserError(`cannot write alerts: ${(error as Error).message}`, { field: '--output-file' });
  }
  return new StreamSink(out, format, true);
}
