import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadWatchConfig } from '../../src/watch/config.ts';
import { scheduleFromFlag } from '../../src/watch/schedule.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';

const dir = tempDir('cw-watch-config-');
let n = 0;
function file(text: string): string {
  const path = join(dir, `w${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe('--schedule', () => {
  it.each([
    ['0 2 * * *', { cron: '0 2 * * *', timezone: 'UTC' }],
    ['0 2 * * 1-5 Europe/Berlin', { cron: '0 2 * * 1-5', timezone: 'Europe/Berlin' }],
    ['*/30 * * * * * UTC', { cron: '*/30 * * * * *', timezone: 'UTC' }],
  ])('%j is a schedule', (text, expected) => {
    expect(scheduleFromFlag(text)).toEqual({ name: 'schedule', ...expected });
  });

  it.each([
    ['every night', 'is not a cron pattern'],
    ['0 2 * * * Mars/Olympus', '"Mars/Olympus" is not an IANA time zone'],
  ])('%j is a usage error', (text, message) => {
    expect(() => scheduleFromFlag(text)).toThrow(message);
  });
});

describe('watch.yaml', () => {
  it('gives its settings, the flags winning, and keeps the sinks section for the notifier', async () => {
    const config = await loadWatchConfig(
      file(
        'queue: sqs://https://sqs.eu-west-1.amazonaws.com/111122223333/q\nregion: eu-west-1\ndb: sqlite:/tmp/x.db\nsinks:\n  - sink: "securityhub:"\n',
      ),
      { region: 'us-east-1', drain: true },
    );
    expect(config.options).toMatchObject({
      queue: 'sqs://https://sqs.eu-west-1.amazonaws.com/111122223333/q',
      region: 'us-east-1',
      db: 'sqlite:/tmp/x.db',
      drain: true,
    });
    expect(config.sinks?.section).toEqual([{ sink: 'securityhub:' }]);
  });

  it.each([
    ['queue: https://sqs.us-east-1.amazonaws.com/1/q\n', ':1:8: queue: expected sqs://QUEUE_URL'],
    ['region: Frankfurt\n', ':1:9: region: expected a region such as us-east-1'],
    ['rules: /etc/rules\n', ':1:8: rules: '],
    ['queue: sqs://x\nschedule: daily\n', ':2:1: schedule: unknown field'],
    ['- a\n', ':1:1: a watch config is a YAML mapping'],
    [
      'schedules:\n  - name: n\n    cron: "0 25 * * *"\n',
      ':3:11: schedules[0].cron: "0 25 * * *" is not a cron pattern',
    ],
    [
      'schedules:\n  - name: n\n    cron: "0 2 * * *"\n    timezone: Mars/Olympus\n',
      ':4:15: schedules[0].timezone: "Mars/Olympus" is not an IANA time zone',
    ],
    [
      'schedules:\n  - name: n\n    cron: "@daily"\n    services: [s3, s4]\n',
      ':4:20: schedules[0].services[1]: no service "s4"',
    ],
    ['schedules:\n  - name: n\n    cron: "@daily"\n    every: day\n', ':4:5: schedules[0].every: unknown field'],
  ])('%j is an error at its line', async (text, expected) => {
    const path = file(text);
    const error = await loadWatchConfig(path, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).format()).toContain(`${path}${expected}`);
  });
});
