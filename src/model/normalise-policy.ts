import type { Observed } from './observed.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** What makes a parsed document not a policy at all, or undefined when it has the shape of one. */
function shapeProblem(document: unknown): string | undefined {
  if (!isRecord(document)) return `is not a JSON object (it is ${describe(document)})`;
  const statement = document.Statement;
  if (statement === undefined) return 'has no Statement';
  if (!Array.isArray(statement))
    return isRecord(statement)
      ? undefined
      : `has a Statement that is ${describe(statement)}, not an object or a list of objects`;
  const index = statement.findIndex((entry) => !isRecord(entry));
  return index === -1
    ? undefined
    : `has a statement #${index + 1} that is ${describe(statement[index])}, not an object`;
}

/**
 * A parsed policy document (bucket policy, IAM policy version, inline policy) as evidence. AWS only stores a JSON
 * object whose Statement is one statement object or a list of them (it refuses anything else with MalformedPolicy),
 * so any other value did not come from AWS as is: no check may decide on it, whatever else was collected.
 * `what` names the document in the message (`the bucket policy`).
 */
export function policyEvidence(document: unknown, operation: string, what: string): Observed<unknown> {
  const problem = shapeProblem(document);
  if (problem === undefined) return { kind: 'present', value: document };
  return { kind: 'error', operation, error: { name: 'MalformedPolicy', message: `${what} ${problem}` } };
}

/**
 * A policy AWS returns as JSON text (a Lambda function policy, an SQS queue policy) as evidence: parsed, and judged
 * by `policyEvidence`; text that is not JSON is a MalformedPolicy error, so no check decides on it.
 */
export function policyText(text: string, operation: string, what: string): Observed<unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { kind: 'error', operation, error: { name: 'MalformedPolicy', message: `${what} is not JSON` } };
  }
  return policyEvidence(document, operation, what);
}
