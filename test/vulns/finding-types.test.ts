import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { readFindingsFile } from '../../src/vulns/file-source.ts';
import { REPORT_FORMATS } from '../../src/vulns/formats/index.ts';
import { writeReport } from '../../src/vulns/report.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { FINDINGS_FILE } from './inspector-fixtures.ts';

const dir = await mkdtemp(join(tmpdir(), 'cw-vulns-types-'));

type Finding = Record<string, any>;

/** A value of the wrong type where a report format reads the field, and the JSON path the error must name. */
const WRONG_TYPES: { path: string; set: (f: Finding) => void }[] = [
  { path: 'inspectorScore', set: (f) => (f.inspectorScore = 'high') },
  { path: 'epss.score', set: (f) => (f.epss = { score: 'x' }) },
  {
    path: 'inspectorScoreDetails.adjustedCvss.score',
    set: (f) => (f.inspectorScoreDetails.adjustedCvss.score = '7.5'),
  },
  {
    path: 'packageVulnerabilityDetails.cvss[0].baseScore',
    set: (f) => (f.packageVulnerabilityDetails.cvss[0].baseScore = 'high'),
  },
  {
    path: 'packageVulnerabilityDetails.vulnerablePackages[0].epoch',
    set: (f) => (f.packageVulnerabilityDetails.vulnerablePackages[0].epoch = {}),
  },
  {
    path: 'packageVulnerabilityDetails.referenceUrls',
    set: (f) => (f.packageVulnerabilityDetails.referenceUrls = 'https://example.com'),
  },
  {
    path: 'packageVulnerabilityDetails.vulnerablePackages',
    set: (f) => (f.packageVulnerabilityDetails.vulnerablePackages = 'libnghttp2'),
  },
  { path: 'title', set: (f) => (f.title = 42) },
  { path: 'resources[0].tags', set: (f) => (f.resources[0].tags = ['env=prod']) },
  {
    path: 'resources[0].details.awsEc2Instance.ipV4Addresses',
    set: (f) => (f.resources[0].details = { awsEc2Instance: { ipV4Addresses: '10.0.0.1' } }),
  },
];

async function withBadFinding(index: number, set: (f: Finding) => void): Promise<string> {
  const findings = (JSON.parse(await readFile(FINDINGS_FILE, 'utf8')) as { findings: Finding[] }).findings;
  set(findings[index]!);
  const file = join(dir, `bad-${Math.random().toString(16).slice(2)}.json`);
  await writeFile(file, JSON.stringify({ findings }, null, 2));
  return file;
}

describe('vulns report: a wrong type where a number, string or list belongs', () => {
  it.each(WRONG_TYPES)(
    '$path is refused with the finding and the JSON path, before any format runs',
    async ({ path, set }) => {
      const file = await withBadFinding(0, set);
      const error = await readFindingsFile(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).location).toMatchObject({ file, field: `findings[0].${path}` });
      expect((error as UserError).message).toMatch(/^not an Inspector finding: .* is not (a|an) /);
    },
  );

  it('a null optional field counts as absent, and every format renders', async () => {
    const file = await withBadFinding(0, (f) => {
      f.inspectorScore = null;
      f.epss = null;
    });
    for (const format of Object.values(REPORT_FORMATS)) {
      let text = '';
      await writeReport(
        await readFindingsFile(file),
        format,
        { write: async (t) => void (text += t) },
        { now: new Date('2024-05-07T00:00:00Z'), color: false },
      );
      expect(text).toContain('libnghttp2');
    }
  });

  it.each(['csv', 'html', 'table', 'markdown'])(
    '--format %s: one line naming the file, finding and field, exit 2, no output',
    async (format) => {
      const file = await withBadFinding(2, (f) => (f.inspectorScore = 'high'));
      const run = await runCliInProcess(['vulns', 'report', '--from', file, '--format', format, '-q']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(
          `^error: ${file}:\\d+: findings\\[2\\]\\.inspectorScore: not an Inspector finding: "high" is not a number\\n$`,
        ),
      );
      // the first run loads the command's modules: slow on a loaded machine
    },
    180_000,
  );
});
