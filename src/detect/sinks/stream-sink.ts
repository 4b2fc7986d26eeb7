/** Alerts as lines on a stream (stdout or --output-file): Falco's text line or one JSON object per line. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { UserError } from '../../errors.ts';
import { escapeControl } from '../../report/escape.ts';
import { tableRow, terminalWidth, type Column } from '../../report/terminal.ts';
import { formatAlertText } from '../engine/index.ts';
import type { Alert } from '../engine/types.ts';
import { alertJson, type AlertHandoff, type AlertSink } from './alert-sink.ts';

export type AlertFormat = 'text' | 'json' | 'table';

/** `--format table`: rows that stream in, so the columns are fixed up front from the width (COLUMNS, else 80). */
const TABLE_COLUMNS: Column[] = [{ header: 'TIME' }, { header: 'PRIORITY' }, { header: 'RULE' }, { header: 'OUTPUT' }];

function tableWidths(width: number): number[] {
  const time = 20;
  const priority = 13;
  const rest = Math.max(20, width - time - priority - 6);
  const rule = Math.max(10, Math.floor(rest / 3));
  return [time, priority, rule, rest - rule - 2];
}

function alertRow(alert: Alert, widths: number[]): string {
  return tableRow(
    [escapeControl(alert.time), alert.priority, escapeControl(alert.rule), escapeControl(alert.output)],
    TABLE_COLUMNS,
    widths,
  ).join('\n');
}

export class StreamSink implements AlertSink {
  /** the reader went away (`detect ... | head`): later alerts have nowhere to go */
  private closedByReader = false;
  /** alerts not written because the reader went away: their inputs are not settled */
  private unwritten = 0;
  private streamError: Error | undefined;
  private headerWritten = false;

  constructor(
    private readonly out: Writable,
    private readonly format: AlertFormat,
    private readonly ownsStream: boolean,
  ) {
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closedByReader = true;
      else this.streamError ??= error;
    });
  }

  /** Accepted once the stream has handed the line on (its write callback), not when it is merely buffered. */
  async write(alert: Alert): Promise<AlertHandoff> {
    if (this.streamError)
      throw new UserError(`cannot write alerts: ${this.streamError.message}`, { field: this.field() });
    if (this.closedByReader) return this.notWritten();
    const line =
      this.format === 'json'
        ? alertJson(alert)
        : this.format === 'table'
          ? this.tableLines(alert)
          : formatAlertText(alert);
    let done!: (accepted: boolean) => void;
    const accepted = new Promise<boolean>((resolve) => (done = resolve));
    const room = this.out.write(`${line}\n`, (error?: NodeJS.ErrnoException | null) => {
      if (error?.code === 'EPIPE') this.unwritten++;
      else if (error) this.streamError ??= error;
      done(!error);
    });
    if (!room && !this.closedByReader) await this.drained();
    return { accepted };
  }

  private tableLines(alert: Alert): string {
    const widths = tableWidths(this.ownsStream ? 80 : terminalWidth(this.out as { isTTY?: boolean; columns?: number }));
    const row = alertRow(alert, widths);
    if (this.headerWritten) return row;
    this.headerWritten = true;
    return `${tableRow(
      TABLE_COLUMNS.map((c) => c.header),
      TABLE_COLUMNS,
      widths,
    ).join('\n')}\n${row}`;
  }

  failure(): string | undefined {
    if (this.unwritten === 0) return undefined;
    return `${this.field()}: ${this.unwritten} alert${this.unwritten === 1 ? '' : 's'} not written (the reader closed the pipe)`;
  }

  private notWritten(): AlertHandoff {
    this.unwritten++;
    return { accepted: Promise.resolve(false) };
  }

  private field(): string {
    return this.ownsStream ? '--output-file' : 'stdout';
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
          if (error) this.streamError ??= error;
          resolve();
        }),
      );
    }
    if (this.streamError)
      throw new UserError(`cannot write alerts: ${this.streamError.message}`, { field: this.field() });
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
