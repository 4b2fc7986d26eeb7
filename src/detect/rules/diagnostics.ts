import { UserError } from '../../errors.ts';
import type { RuleDiagnostic } from '../engine/types.ts';
import type { Pos } from './located.ts';

/** Thrown inside the loader to abandon one item; the reporter decides whether loading goes on. */
export class ItemError extends Error {
  constructor(
    message: string,
    readonly pos: Pos,
  ) {
    super(message);
  }
}

/**
 * Collects diagnostics. In fail-fast mode (loading rules for a run) the first error throws a
 * UserError `file:line:col: message`; in collect mode (`rules validate`) every error is kept.
 */
export class Reporter {
  readonly diagnostics: RuleDiagnostic[] = [];

  constructor(private readonly failFast: boolean) {}

  error(pos: Pos, message: string): void {
    if (this.failFast) throw new UserError(message, { file: pos.file, line: pos.line, column: pos.column });
    this.diagnostics.push({ file: pos.file, line: pos.line, column: pos.column, message, severity: 'error' });
  }

  warn(pos: Pos, message: string): void {
    this.diagnostics.push({ file: pos.file, line: pos.line, column: pos.column, message, severity: 'warning' });
  }

  get warnings(): RuleDiagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'warning');
  }
}

export function formatDiagnostic(d: RuleDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
