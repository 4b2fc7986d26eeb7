import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { UserError } from '../errors.ts';
import type { InspectorFinding } from './finding.ts';
import { FindingsScanError, findingsArrayElements, type ArrayElement } from './findings-array-scanner.ts';
import type { FindingPages } from './report.ts';
import { asFinding } from './validate.ts';

const PAGE = 100;

const EXPECTED =
  'expected {"findings": [...]} as printed by `aws inspector2 list-findings` or written by `cloudwarden vulns report --format json`';

const SCAN_MESSAGES: Record<FindingsScanError['problem'], string> = {
  'not-an-object': `not Inspector findings JSON: ${EXPECTED}`,
  'no-findings-array': `not Inspector findings JSON: ${EXPECTED}`,
  truncated: 'invalid JSON: the file ends inside a value (truncated?)',
};

async function* elementsOf(file: string): AsyncGenerator<ArrayElement> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    yield* findingsArrayElements(stream as AsyncIterable<string>);
  } catch (error) {
    if (error instanceof FindingsScanError) {
      throw new UserError(SCAN_MESSAGES[error.problem], {
        file,
        line: error.line,
        field: error.problem === 'truncated' ? undefined : 'findings',
      });
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UserError(`cannot read file (${code})`, { file });
    throw error;
  } finally {
    stream.destroy();
  }
}

function findingOf(element: ArrayElement, file: string): InspectorFinding {
  const field = `findings[${element.index}]`;
  let value: unknown;
  try {
    value = JSON.parse(element.text);
  } catch (error) {
    throw new UserError(`invalid JSON: ${(error as Error).message}`, { file, line: element.line, field });
  }
  try {
    return asFinding(value, field);
  } catch (error) {
    if (error instanceof UserError)
      throw new UserError(`not an Inspector finding: ${error.message}`, {
        ...error.location,
        file,
        line: element.line,
      });
    throw error;
  }
}

/**
 * Findings from a file: the JSON `aws inspector2 list-findings` prints, or a JSON report of ours.
 * The file is read twice as a stream: first every finding is checked (so a bad file is refused before
 * any output is written), then the findings are handed on a page at a time. Neither pass keeps more
 * than one finding, so the file's size does not bound memory.
 */
export async function readFindingsFile(file: string): Promise<FindingPages> {
  try {
    await access(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'no such file' : `cannot read file (${code ?? String(error)})`, { file });
  }
  for await (const element of elementsOf(file)) findingOf(element, file);
  return pagesOf(file);
}

async function* pagesOf(file: string): AsyncGenerator<InspectorFinding[]> {
  let page: InspectorFinding[] = [];
  for await (const element of elementsOf(file)) {
    page.push(findingOf(element, file));
    if (page.length === PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
