import { describe, expect, it } from 'vitest';
import type { InspectorFinding } from '../../src/vulns/finding.ts';
import { REPORT_FORMATS, reportFormat } from '../../src/vulns/formats/index.ts';
import { writeReport } from '../../src/vulns/report.ts';
import { sortedPages } from '../../src/vulns/sort.ts';
import { asFinding } from '../../src/vulns/validate.ts';
import { sdkFindings } from './inspector-fixtures.ts';

const NOW = new Date('2024-05-07T00:00:00Z');

// [severity, score, title] in the order a report must list them
const EXPECTED: [InspectorFinding['severity'], number | undefined, string][] = [
  ['CRITICAL', 9.8, 'Wqzulu overflow in libexample'],
  ['CRITICAL', 9.1, 'Wqalfa injection in libexample'],
  ['CRITICAL', 9.1, 'Wqbravo injection in libexample'],
  ['HIGH', 8.8, 'Wqgolf traversal in libexample'],
  ['HIGH', undefined, 'Wqdelta unscored in libexample'],
  ['MEDIUM', 6.5, 'Wqecho leak in libexample'],
  ['LOW', 3.1, 'Wqkilo timing in libexample'],
  ['INFORMATIONAL', 0, 'Wqmike notice in libexample'],
  ['UNTRIAGED', 9.9, 'Wqoscar untriaged in libexample'],
];

function findings(): InspectorFinding[] {
  const base = sdkFindings();
  const built = EXPECTED.map(([severity, score, title], i) => {
    const finding = asFinding(structuredClone(base[i % base.length]), `findings[${i}]`);
    finding.findingArn = `arn:aws:inspector2:us-east-1:111122223333:finding/${String(i).padStart(32, '0')}`;
    return Object.assign(finding, { severity, inspectorScore: score, title });
  });
  // a fixed shuffle: reversed, then every other one first
  const reversed = built.reverse();
  return [...reversed.filter((_, i) => i % 2 === 0), ...reversed.filter((_, i) => i % 2 === 1)];
}

async function* pagesOf(list: InspectorFinding[], size: number): AsyncGenerator<InspectorFinding[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

describe('vulns report order', () => {
  it.each(Object.keys(REPORT_FORMATS))('lists %s by severity, then score (highest first), then title', async (name) => {
    let text = '';
    await writeReport(
      pagesOf(findings(), 2),
      reportFormat(name),
      { write: async (t) => void (text += t) },
      { now: NOW, color: false },
    );
    const positions = EXPECTED.map(([, , title]) => text.indexOf(title.split(' ')[0]!));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('sorts more findings than fit in memory through spilled runs, keeping every field', async () => {
    const input = findings();
    const out: InspectorFinding[] = [];
    for await (const page of sortedPages(pagesOf(input, 4), { runSize: 2, pageSize: 3 })) {
      expect(page.length).toBeLessThanOrEqual(3);
      out.push(...page);
    }
    expect(out.map((f) => f.title)).toEqual(EXPECTED.map(([, , title]) => title));
    expect(out[0]!.firstObservedAt).toBeInstanceOf(Date);
    expect(out.find((f) => f.title === input[0]!.title)).toEqual(input[0]);
  });
});
