/** `vulns report --db` on both engines: Inspector findings stored by finding ARN, once however often reported. */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { parseStoreUrl } from '../../src/store/url.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { FINDINGS_FILE, sdkFindings } from '../vulns/inspector-fixtures.ts';
import { dropTestDatabases, ENGINES } from './engines.ts';

afterAll(dropTestDatabases);

describe.each(ENGINES)('vulns report --db on $engine', (engine) => {
  it('stores every reported finding once, by its ARN, keeping when it was first stored', async () => {
    const url = await engine.createUrl();
    const report = (...extra: string[]) =>
      runCliInProcess(['vulns', 'report', '--from', FINDINGS_FILE, '--format', 'json', '--db', url, ...extra], {
        env: { CLOUDWARDEN_DB: '' },
      });
    const first = await report('--severity', 'CRITICAL');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('stored 2 Inspector findings in');
    const second = await report('--status', 'ACTIVE,SUPPRESSED,CLOSED');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('stored 9 Inspector findings in');

    const store = await openStore(parseStoreUrl(url));
    try {
      const rows = await store.db.selectFrom('vuln_findings').selectAll().execute();
      expect(rows.map((r) => r.finding_arn).sort()).toEqual(
        sdkFindings()
          .map((f) => String(f.findingArn))
          .sort(),
      );
      const critical = rows.filter((r) => r.severity === 'CRITICAL');
      expect(critical).toHaveLength(2);
      // stored by the first run, seen again by the second
      for (const row of critical) expect(row.first_stored_at < row.last_stored_at).toBe(true);
      const http2 = rows.find((r) => r.vulnerability_id === 'CVE-2023-44487')!;
      expect(http2).toMatchObject({ severity: 'HIGH', package: 'libnghttp2,nghttp2', status: 'ACTIVE' });
      expect(http2.first_observed_at).toBe('2024-04-02T10:41:07.214Z');
    } finally {
      await store.db.destroy();
    }
  });
});
