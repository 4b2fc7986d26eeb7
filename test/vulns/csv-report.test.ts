import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { INSPECTOR_CSV_HEADER } from '../../src/vulns/csv-columns.ts';
import { readFindingsFile } from '../../src/vulns/file-source.ts';
import { csvFormat } from '../../src/vulns/formats/csv-format.ts';
import { writeReport } from '../../src/vulns/report.ts';
import { FINDINGS_FILE, FIXTURE_DIR } from './inspector-fixtures.ts';

/** Seed 003's list of Inspector's CSV columns (and the user guide's), in order. */
const SEED_003_COLUMNS = [
  'AWS Account Id',
  'Severity',
  'Fix Available',
  'Finding Type',
  'Title',
  'Description',
  'Finding ARN',
  'First Seen',
  'Last Seen',
  'Last Updated',
  'Resource ID',
  'Container Image Tags',
  'Region',
  'Platform',
  'Resource Tags',
  'Affected Packages',
  'Package Installed Version',
  'Fixed in Version',
  'Package Remediation',
  'File Path',
  'Network Paths',
  'Age (Days)',
  'Remediation',
  'Inspector Score',
  'Inspector Score Vector',
  'Status',
  'Vulnerability Id',
  'Vendor',
  'Vendor Severity',
  'Vendor Advisory',
  'Vendor Advisory Published',
  'NVD CVSS3 Score',
  'NVD CVSS3 Vector',
  'NVD CVSS2 Score',
  'NVD CVSS2 Vector',
  'Vendor CVSS3 Score',
  'Vendor CVSS3 Vector',
  'Vendor CVSS2 Score',
  'Vendor CVSS2 Vector',
  'Resource Type',
  'Ami',
  'Resource Public Ipv4',
  'Resource Private Ipv4',
  'Resource Ipv6',
  'Resource Vpc',
  'Port Range',
  'Exploit Available',
  'Last Exploited At',
  'Lambda Layers',
  'Lambda Package Type',
  'Lambda Last Updated At',
  'Reference Urls',
];

const NOW = new Date('2024-05-07T00:00:00Z');

async function csvReport(): Promise<string> {
  let text = '';
  await writeReport(
    await readFindingsFile(FINDINGS_FILE),
    csvFormat,
    { write: async (t) => void (text += t) },
    { now: NOW, color: false },
  );
  return text;
}

describe('Inspector CSV report', () => {
  it("has exactly the columns of Inspector's CSV report, in order", () => {
    expect(INSPECTOR_CSV_HEADER).toEqual(SEED_003_COLUMNS);
  });

  it('matches the golden report cell by cell', async () => {
    const actual = parse(await csvReport());
    const golden = parse(readFileSync(`${FIXTURE_DIR}golden.csv`, 'utf8'));
    expect(actual[0]).toEqual(SEED_003_COLUMNS);
    expect(actual).toHaveLength(golden.length);
    for (let row = 1; row < golden.length; row += 1) {
      for (let col = 0; col < SEED_003_COLUMNS.length; col += 1) {
        expect(actual[row]?.[col], `row ${row} "${SEED_003_COLUMNS[col]}"`).toBe(golden[row]?.[col]);
      }
    }
  });

  it('pins the value formats: ISO timestamps, whole days, comma-joined lists, one-decimal scores', async () => {
    const rows = parse<Record<string, string>>(await csvReport(), { columns: true });
    const http2 = rows.find((r) => r['Vulnerability Id'] === 'CVE-2023-44487')!;
    expect(http2['First Seen']).toBe('2024-04-02T10:41:07.214Z');
    expect(http2['Age (Days)']).toBe('34');
    expect(http2['Affected Packages']).toBe('libnghttp2,nghttp2');
    expect(http2['Resource Public Ipv4']).toBe('54.210.167.204');
    expect(http2['Resource Private Ipv4']).toBe('172.31.20.14');
    expect(http2['Last Exploited At']).toBe('2024-04-29T00:00:00.000Z');
    const network = rows.find((r) => r['Finding Type'] === 'NETWORK_REACHABILITY')!;
    expect(network['Port Range']).toBe('22-22');
    expect(network['Network Paths']).toBe(
      'igw-04c5e7a9b1d3f5068,acl-0a2b4c6d8e0f21435,sg-0d9c8b7a6f5e43210,eni-07d1c9a3e5b2f4680',
    );
    const code = rows.find((r) => r['Finding Type'] === 'CODE_VULNERABILITY')!;
    expect(code['File Path']).toBe('handler.py');
    expect(code['Lambda Package Type']).toBe('ZIP');
    const ubuntu = rows.find((r) => r['Vulnerability Id'] === 'CVE-2024-0001')!;
    expect(ubuntu['Vendor CVSS2 Score']).toBe('4.0');
    expect(ubuntu['NVD CVSS3 Score']).toBe('');
    expect(ubuntu['First Seen']).toBe('2024-05-06T00:00:00.000Z');
    const untriaged = rows.find((r) => r.Severity === 'UNTRIAGED')!;
    expect(untriaged['Fix Available']).toBe('');
    expect(untriaged['Age (Days)']).toBe('0');
  });

  it('keeps commas, quotes and newlines intact through a CSV parser and neutralises formulas', async () => {
    const rows = parse<Record<string, string>>(await csvReport(), { columns: true });
    const tricky = rows.find((r) => r['Vulnerability Id'] === 'CVE-2024-0001')!;
    expect(tricky.Description).toBe('A crafted "Host" header, a comma, and\na second line: =cmd|\' /C calc\'!A0');
    expect(tricky.Remediation).toBe('Upgrade, then "restart" the service, or reboot');
    expect(tricky.Title).toBe('\'=HYPERLINK("http://evil.example","CVE-2024-0001, click")');
    expect(tricky['Affected Packages']).toBe("'@evil/pkg");
    expect(tricky['Package Remediation']).toBe("'+apt-get install --only-upgrade pkg");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
