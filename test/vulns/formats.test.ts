import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import type { InspectorFinding } from '../../src/vulns/finding.ts';
import { readFindingsFile } from '../../src/vulns/file-source.ts';
import { parseFilter } from '../../src/vulns/filters.ts';
import { REPORT_FORMATS, reportFormat } from '../../src/vulns/formats/index.ts';
import { writeReport, type FindingPages } from '../../src/vulns/report.ts';
import { asFinding } from '../../src/vulns/validate.ts';
import { FINDINGS_FILE, sdkFindings } from './inspector-fixtures.ts';

const NOW = new Date('2024-05-07T00:00:00Z');
let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'vulns-formats-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function render(format: string, pages: FindingPages): Promise<{ text: string; writes: string[] }> {
  const writes: string[] = [];
  await writeReport(
    pages,
    reportFormat(format),
    { write: async (t) => void writes.push(t) },
    { now: NOW, color: false },
  );
  return { text: writes.join(''), writes };
}

function hostile(): InspectorFinding {
  const finding = asFinding(sdkFindings()[0], 'findings[0]');
  finding.title = '<script>alert(1)</script> | **bold** [x](javascript:alert(1))';
  finding.resources[0]!.id = 'i-0"><img src=x onerror=alert(2)>';
  return finding;
}

async function* onePage(findings: InspectorFinding[]): AsyncGenerator<InspectorFinding[]> {
  yield findings;
}

describe('vulns report formats', () => {
  it('escapes every value in the self-contained HTML page', async () => {
    const { text } = await render('html', onePage([hostile()]));
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text).not.toMatch(/<(script|link)\b|src=["']?http/i);
    expect(text).toContain('1 finding: HIGH 1; fix available for 1; exploit known for 1');
  });

  it('keeps Markdown table rows intact and inert', async () => {
    const { text } = await render('markdown', onePage([hostile()]));
    const row = text.split('\n').find((l) => l.startsWith('| HIGH'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(9);
    expect(row).not.toContain('<script>');
    expect(row).toContain('\\[x\\](javascript:alert(1))');
  });

  it('writes JSON that --from reads back to the same findings', async () => {
    const pages = await readFindingsFile(FINDINGS_FILE);
    const { text } = await render('json', pages);
    const file = join(dir, 'report.json');
    await writeFile(file, text);
    // the report is in severity order, the fixture in Inspector's: compare them in one order
    const byArn = (a: { findingArn: string }, b: { findingArn: string }) => a.findingArn.localeCompare(b.findingArn);
    const original = (JSON.parse(JSON.stringify(sdkFindings())) as InspectorFinding[]).sort(byArn);
    const reread: InspectorFinding[] = [];
    for await (const page of await readFindingsFile(file)) reread.push(...page);
    expect((JSON.parse(JSON.stringify(reread)) as InspectorFinding[]).sort(byArn)).toEqual(original);
    expect(JSON.parse(text).findings).toHaveLength(9);
  });

  it('writes an empty but valid document when nothing matches', async () => {
    expect(JSON.parse((await render('json', onePage([]))).text)).toEqual({ findings: [] });
    expect((await render('csv', onePage([]))).text.split('\r\n')[1]).toBe('');
    expect((await render('table', onePage([]))).text).toContain('0 findings; fix available for 0');
  });

  it('writes once per sorted page, so a report never holds more than a page of text', async () => {
    const findings = sdkFindings().map((f, i) => asFinding(f, `findings[${i}]`));
    for (const name of Object.keys(REPORT_FORMATS)) {
      const writes: string[] = [];
      await writeReport(
        onePage(findings),
        reportFormat(name),
        { write: async (t) => void writes.push(t) },
        { now: NOW, color: false, sort: { pageSize: 3 } },
      );
      expect(writes, name).toHaveLength(5);
    }
  });

  it('writes nothing when the first page fails (no half report)', async () => {
    const writes: string[] = [];
    // eslint-disable-next-line require-yield -- a source that fails before its first page
    async function* refused(): AsyncGenerator<InspectorFinding[]> {
      throw new UserError('AccessDeniedException');
    }
    await expect(
      writeReport(
        refused(),
        reportFormat('json'),
        { write: async (t) => void writes.push(t) },
        { now: NOW, color: false },
      ),
    ).rejects.toThrow('AccessDeniedException');
    expect(writes).toEqual([]);
  });

  it("filters file findings locally with the flags' meaning", async () => {
    const writes: string[] = [];
    const summary = await writeReport(
      await readFindingsFile(FINDINGS_FILE),
      reportFormat('csv'),
      { write: async (t) => void writes.push(t) },
      {
        now: NOW,
        color: false,
        localFilter: parseFilter({ severity: ['CRITICAL'], status: ['ACTIVE'] }),
      },
    );
    expect(summary.total).toBe(2);
    expect(summary.bySeverity.CRITICAL).toBe(2);
  });

  it('rejects files that are not Inspector findings with the file and field', async () => {
    const notInspector = join(dir, 'cloudtrail.json');
    await writeFile(notInspector, JSON.stringify({ Records: [{ eventName: 'PutBucketPolicy' }] }));
    await expect(readFindingsFile(notInspector)).rejects.toThrow(UserError);
    await expect(readFindingsFile(notInspector)).rejects.toMatchObject({
      location: { file: notInspector, field: 'findings' },
    });
    const badFinding = join(dir, 'bad-finding.json');
    const findings = JSON.parse(await readFile(FINDINGS_FILE, 'utf8')).findings;
    findings[4].firstObservedAt = 'last tuesday';
    await writeFile(badFinding, JSON.stringify({ findings }));
    await expect(readFindingsFile(badFinding)).rejects.toMatchObject({
      location: { field: 'findings[4].firstObservedAt' },
    });
    const truncated = join(dir, 'truncated.json');
    await writeFile(truncated, '{"findings": [{"awsAccountId": "1111');
    await expect(readFindingsFile(truncated)).rejects.toThrow(/invalid JSON/);
  });
});
