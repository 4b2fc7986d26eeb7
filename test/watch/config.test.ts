import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadWatchConfig } from '../../src/watch/config.ts';
import { tempDir } from '../detect/pipeline/support/cloudtrail-data.ts';

const dir = tempDir('cw-watch-config-');
let n = 0;
function file(text: string): string {
  const path = join(dir, `w${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}

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
  ])('%j is an error at its line', async (text, expected) => {
    const path = file(text);
    const error = await loadWatchConfig(path, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).format()).toContain(`${path}${expected}`);
  });
});
