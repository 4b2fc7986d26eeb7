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
  /** the reader went away (`detect ... | head`): later alerts have nowhere to go */
  private closedByReader = false;

  constructor(
    private readonly out: Writable,
    private readonly format: AlertFormat,
    private readonly ownsStream: boolean,
  ) {
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closedByReader = true;
      else this.failure ??= error;
    });
  }

  private failure: Error | undefined;

  async write(alert: Alert): Promise<void> {
    if (this.failure) throw new UserError(`cannot write alerts: ${this.failure.message}`, { field: this.ownsStream ? '--output-file' : 'stdout' });
    if (this.closedByReader) return;
    const line = this.format === 'json' ? alertJson(alert) : formatAlertText(alert);
    if (!this.out.write(`${line}\n`) && !this.closedByReader) await this.drained();
  }

  /** 'drain', or the stream failing or closing: a write must never wait for an event that will not come */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.out.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      this.out.on('drain', done).on('error', done).on('close', done);
    });
  }

  async close(): Promise<void> {
    if (this.ownsStream && !this.out.destroyed) {
      await new Promise<void>((resolve) =>
        this.out.end((error?: Error | null) => {
          if (error) this.failure ??= error;
          resolve();
        }),
      );
    }
    if (this.failure) throw new UserError(`cannot write alerts: ${this.failure.message}`, { field: this.ownsStream ? '--output-file' : 'stdout' });
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
