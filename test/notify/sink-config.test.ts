import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/detect/engine/types.ts';
import { UserError } from '../../src/errors.ts';
import { alertNotice, findingNotice } from '../../src/notify/notice.ts';
import { openNotifier } from '../../src/notify/open.ts';
import { result } from '../store/builders.ts';

const dir = mkdtempSync(join(tmpdir(), 'cw-sink-config-'));
let files = 0;
function file(text: string): string {
  const path = join(dir, `sinks-${++files}.yaml`);
  writeFileSync(path, text);
  return path;
}

async function openError(text: string): Promise<string> {
  try {
    await openNotifier({ sinkConfig: file(text) }, { aws: {}, env: {} });
  } catch (error) {
    if (error instanceof UserError) return error.format().replace(`${dir}/`, '');
    throw error;
  }
  throw new Error('no error');
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function hook(): Promise<{ url: string; kinds: string[] }> {
  const kinds: string[] = [];
  const server = createServer((req, res) => {
    req.resume().on('end', () => {
      kinds.push(String(req.headers['x-cloudwarden-kind']));
      res.writeHead(200).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, kinds };
}

const alert = (priority: Alert['priority'], account: string, tags: string[]): Alert => ({
  time: '2026-11-02T10:00:00Z',
  rule: `rule ${priority}`,
  priority,
  output: 'something happened',
  tags,
  source: 'aws_cloudtrail',
  output_fields: {},
  eventID: `${priority}-${account}`,
  eventName: 'PutBucketPolicy',
  awsRegion: 'us-east-1',
  recipientAccountId: account,
});

describe('sinks: section (--sink-config, watch.yaml)', () => {
  it.each([
    ['sinks: nope\n', 'sinks-N.yaml:1:8: sinks: expected a list of sinks (- sink: KIND:TARGET)'],
    ['sinks:\n  - sink: pager:x\n', 'sinks-N.yaml:2:11: sinks[0].sink: "pager" is not a sink kind'],
    ['sinks:\n  - sink: webhook:ftp://x\n', 'sinks-N.yaml:2:11: sinks[0].sink: only http and https URLs are supported'],
    [
      'sinks:\n  - sink: webhook:https://x.example\n    kinds: [alert, findings]\n',
      'sinks-N.yaml:3:20: sinks[0].kinds[1]: expected one of alert, finding-new, finding-resolved, malware',
    ],
    [
      'sinks:\n  - sink: webhook:https://x.example\n    min-priority: loud\n',
      'sinks-N.yaml:3:19: sinks[0].min-priority: expected one of emergency',
    ],
    [
      'sinks:\n  - sink: webhook:https://x.example\n    accounts: [111122223333]\n',
      'sinks-N.yaml:3:16: sinks[0].accounts[0]',
    ],
    [
      'sinks:\n  - sink: webhook:https://x.example\n    severity: high\n',
      'sinks-N.yaml:3:5: sinks[0].severity: unknown field',
    ],
    ['other: 1\n', 'sinks-N.yaml:1:1: expected a mapping with a "sinks:" list'],
    ['sinks: [\n', 'sinks-N.yaml:2:1'],
  ])('%j is refused at its line: %s', async (text, expected) => {
    const message = (await openError(text)).replace(/sinks-\d+\.yaml/, 'sinks-N.yaml');
    expect(message.startsWith(expected), message).toBe(true);
  });

  it('routes each notice by kind, priority, severity, account and tag', async () => {
    const [pager, siem, audit] = [await hook(), await hook(), await hook()];
    const config = file(`sinks:
  - sink: webhook:${pager.url}
    kinds: [alert]
    min-priority: error
    tags: ['mitre_*']
  - sink: webhook:${siem.url}
    accounts: ['111122223333']
  - sink: webhook:${audit.url}
    kinds: [finding-new, finding-resolved]
    min-severity: critical
`);
    const opened = (await openNotifier({ sinkConfig: config }, { aws: {}, env: {}, dedupWindowMs: 0 }))!;
    const sent = [
      alertNotice(alert('CRITICAL', '111122223333', ['mitre_impact'])), // pager, siem
      alertNotice(alert('WARNING', '111122223333', ['mitre_impact'])), // siem (below error)
      alertNotice(alert('EMERGENCY', '444455556666', ['aws'])), // none: no mitre tag, other account
      findingNotice({ ...result('s3-bucket-public-read', 'b', 'fail'), severity: 'critical' }, 'new', 'T'), // siem, audit
      findingNotice(result('s3-bucket-logging', 'b', 'fail'), 'new', 'T'), // siem (high < critical)
    ];
    for (const notice of sent) await (await opened.notifier.notify(notice)).accepted;
    await opened.notifier.close();
    opened.destroy();
    expect(pager.kinds).toEqual(['alert']);
    expect(siem.kinds).toEqual(['alert', 'alert', 'finding-new', 'finding-new']);
    expect(audit.kinds).toEqual(['finding-new']);
  });
});
