import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/detect/engine/types.ts';
import { openFileSink, StreamSink } from '../../../src/detect/sinks/stream-sink.ts';
import { tempDir } from '../pipeline/support/cloudtrail-data.ts';

const alert: Alert = {
  time: '2024-07-31T13:06:24Z',
  rule: 'CloudTrail Logging Disabled',
  priority: 'WARNING',
  output: 'The CloudTrail logging has been disabled. (requesting user=christophe)',
  tags: ['cloud', 'aws', 'aws_cloudtrail'],
  source: 'aws_cloudtrail',
  output_fields: { 'ct.user': 'christophe', 'ct.error': null },
  eventID: '10163ed2-2253-469d-a5ee-cbc6651f8934',
  eventName: 'StopLogging',
  awsRegion: 'apiso-centralnorth-2r',
  recipientAccountId: '143434273843',
};

const FIELDS = [
  'time',
  'rule',
  'priority',
  'output',
  'tags',
  'source',
  'output_fields',
  'hostname',
  'eventID',
  'eventName',
  'awsRegion',
  'recipientAccountId',
];
/** the JSON line of `alert`: Falco's time, priority spelling, output prefix and hostname */
const asFalcoWritesIt = {
  ...alert,
  time: '2024-07-31T13:06:24.000000000Z',
  priority: 'Warning',
  output: `2024-07-31T13:06:24Z: Warning ${alert.output}`,
  hostname: hostname(),
};

describe('StreamSink', () => {
  it("writes Falco's text line, or one JSON object with exactly the alert fields", async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    await new StreamSink(out, 'text', false).write(alert);
    const json = new StreamSink(out, 'json', false);
    await json.write({ ...alert, internal: 'not printed' } as Alert);
    const [line, object] = text.trimEnd().split('\n');
    expect(line).toBe(
      '2024-07-31T13:06:24Z: Warning The CloudTrail logging has been disabled. (requesting user=christophe)',
    );
    expect(Object.keys(JSON.parse(object!))).toEqual(FIELDS);
    expect(JSON.parse(object!)).toEqual(asFalcoWritesIt);
  });

  it('--output-file: writes the file; a device that fails says so as a usage error', async () => {
    const path = join(tempDir(), 'alerts.jsonl');
    const sink = await openFileSink(path, 'json');
    await sink.write(alert);
    await sink.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(asFalcoWritesIt);
    await expect(openFileSink('/nonexistent-dir/alerts.txt', 'text')).rejects.toThrow(/^cannot write alerts: ENOENT/);
    const full = await openFileSink('/dev/full', 'text');
    const lost = await full.write(alert);
    expect(await lost.accepted).toBe(false);
    await expect(full.close()).rejects.toThrow('cannot write alerts: ENOSPC: no space left on device, write');
  });

  it('accepts an alert once the stream has written it; after the reader closed the pipe, alerts are not accepted and counted', async () => {
    let reading = true;
    const written: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (reading) written.push(chunk.toString());
        callback(reading ? null : Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const sink = new StreamSink(out, 'json', false);
    expect(await (await sink.write(alert)).accepted).toBe(true);
    expect(written).toHaveLength(1);
    reading = false; // `detect ... | head -1`
    expect(await (await sink.write(alert)).accepted).toBe(false);
    expect(await (await sink.write(alert)).accepted).toBe(false);
    await sink.close();
    expect(sink.failure()).toBe('stdout: 2 alerts not written (the reader closed the pipe)');
  });
});
