/**
 * What watch says on stderr: `note: …` / `warning: …` lines, or with `--log-format json` one JSON object per line
 * (`{"time","level","msg",…fields}`) for a log shipper. Control characters in text lines are shown escaped;
 * JSON escapes them itself.
 */
import { UserError } from '../errors.ts';
import { escapeControl } from '../report/escape.ts';

export type LogFormat = 'text' | 'json';
export type LogLevel = 'info' | 'warn' | 'error';

export function parseLogFormat(value: string | undefined): LogFormat {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'json') return 'json';
  throw new UserError(`"${value}" is not a log format (text or json)`, { field: '--log-format' });
}

export type WatchLog = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

const PREFIX: Record<LogLevel, string> = { info: 'note: ', warn: 'warning: ', error: '' };

export function watchLog(
  format: LogFormat,
  out: { write(chunk: string): unknown },
  now: () => Date = () => new Date(),
): WatchLog {
  if (format === 'json')
    return (level, msg, fields) =>
      void out.write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...fields })}\n`);
  return (level, msg) => void out.write(`${PREFIX[level]}${escapeControl(msg)}\n`);
}
