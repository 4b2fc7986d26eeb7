import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import { jsonErrorPosition } from '../model/snapshot.ts';
import type { InspectorFinding } from './finding.ts';
import type { FindingPages } from './report.ts';
import { asFinding } from './validate.ts';

const PAGE = 100;

const EXPECTED = 'expected {"findings": [...]} as printed by `aws inspector2 list-findings` or written by `cloudwarden vulns report --format json`';

/**
 * Findings from a file: the JSON `aws inspector2 list-findings` prints, or a JSON report of ours.
 * The file is read whole (its size bounds the memory); a bad finding is reported by its index.
 */
export async function readFindingsFile(file: string): Promise<FindingPages> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'no such file' : `cannot read file (${code ?? String(error)})`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(`invalid JSON: ${(error as Error).message}`, { file, ...jsonErrorPosition(text, error as Error) });
  }
  const findings = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { findings?: unknown }).findings : undefined;
  if (!Array.isArray(findings)) throw new UserError(`not Inspector findings JSON: ${EXPECTED}`, { file, field: 'findings' });
  // every finding is checked before any output is written: a bad file never leaves half a report
  const checked = findings.map((finding, index) => {
    try {
      return asFinding(finding, `findings[${index}]`);
    } catch (error) {
      if (error instanceof UserError) throw new UserError(`not an Inspector finding: ${error.message}`, { ...error.location, file });
      throw error;
    }
  });
  return pagesOf(checked);
}

async function* pagesOf(findings: InspectorFinding[]): AsyncGenerator<InspectorFinding[]> {
  for (let start = 0; start < findings.length; start += PAGE) yield findings.slice(start, start + PAGE);
}
