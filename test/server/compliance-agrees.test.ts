/**
 * The dashboard's compliance per framework agrees with the scan's: `demo --db` stores the demo account, and for
 * every framework the control statuses the store gives equal those `demo --compliance` prints (on both engines).
 * Controls whose checks had no resource of their kind are the case a store of failures alone gets wrong.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../src/compliance/frameworks/index.ts';
import { compliance } from '../../src/server/data.ts';
import { openStore } from '../../src/store/open.ts';
import { parseStoreUrl } from '../../src/store/url.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { dropTestDatabases, ENGINES } from '../store/engines.ts';

afterAll(dropTestDatabases);

describe.each(ENGINES)('compliance on the dashboard and in the scan on $engine', (engine) => {
  it.each(FRAMEWORKS.map((f) => ({ name: f.name, framework: f })))('$name', async ({ name, framework }) => {
    const url = await engine.createUrl();
    const run = await runCliInProcess(['demo', '--compliance', name, '--format', 'json', '--db', url], {
      env: { CLOUDWARDEN_DB: '' },
    });
    expect([0, 1]).toContain(run.code);
    const scan = JSON.parse(run.stdout) as {
      summary: Record<string, number>;
      controls: Array<{ id: string; status: string; reason?: string }>;
    };
    const store = await openStore(parseStoreUrl(url));
    try {
      const stored = await compliance(store, framework, new Date());
      expect(stored.summary).toEqual(scan.summary);
      expect(Object.fromEntries(stored.controls.map((c) => [c.control.id, c.status]))).toEqual(
        Object.fromEntries(scan.controls.map((c) => [c.id, c.status])),
      );
      // the case the per-check counts exist for: a control unknown for want of any resource of its kind
      const silent = scan.controls.filter((c) => c.reason?.startsWith('no results for'));
      for (const c of silent) {
        expect(stored.controls.find((s) => s.control.id === c.id)?.silent.length).toBeGreaterThan(0);
      }
    } finally {
      await store.db.destroy();
    }
  });
});
