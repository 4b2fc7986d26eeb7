/** `detect --db` on both engines: the same trail read twice stores each alert once (by event id and rule). */
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCommand } from '../../src/cli/detect.ts';
import { openStore } from '../../src/store/open.ts';
import { parseStoreUrl } from '../../src/store/url.ts';
import { dropTestDatabases, ENGINES } from './engines.ts';

const stratusDir = new URL('../fixtures/third-party/stratus-red-team/', import.meta.url).pathname;

afterAll(dropTestDatabases);

async function detect(db: string): Promise<{ code: number; alerts: { rule: string }[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await detectCommand(
    { source: [stratusDir], format: 'json', workers: '0', db },
    { stdout: out, stderr: { write: (text: string) => Boolean((stderr += text)) } },
  );
  const alerts = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { rule: string });
  return { code, alerts, stderr };
}

describe.each(ENGINES)('detect --db on $engine', (engine) => {
  it('stores every alert once, however often the same events are read', async () => {
    const url = await engine.createUrl();
    const first = await detect(url);
    expect(first.code, first.stderr).toBe(0);
    expect(first.alerts.length).toBeGreaterThan(0);
    expect(first.stderr).toContain(`store: ${first.alerts.length} new, 0 already stored`);
    const second = await detect(url);
    expect(second.alerts).toHaveLength(first.alerts.length);
    expect(second.stderr).toContain(`store: 0 new, ${first.alerts.length} already stored`);

    const store = await openStore(parseStoreUrl(url));
    try {
      const rows = await store.db.selectFrom('alerts').selectAll().execute();
      expect(rows).toHaveLength(first.alerts.length);
      expect(rows.map((r) => r.rule).sort()).toEqual(first.alerts.map((a) => a.rule).sort());
      for (const row of rows) {
        expect(row.event_id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row.account_id).toMatch(/^\d{12}$/);
        expect(row.event_name).not.toBe('');
      }
    } finally {
      await store.db.destroy();
    }
  });
});
