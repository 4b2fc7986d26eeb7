import type { Result } from '../findings/result.ts';

export const REPORT_SCHEMA_VERSION = 1;

/** A check that ran with options other than its defaults (`--config`): only the options that differ, and their defaults. */
export interface NonDefaultCheckOptions {
  checkId: string;
  options: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

/** What every formatter receives: one scan of one account (or several, for organisation scans). */
export interface ScanReport {
  schemaVersion: number;
  accountId: string;
  generatedAt: string;
  /** when the evidence was collected (the snapshot's `collectedAt`) */
  collectedAt: string;
  /** true when collection was interrupted and some evidence is missing */
  partial: boolean;
  /** services whose checks did not run because the snapshot holds no evidence for them */
  notCollected?: string[];
  /** checks that ran with non-default options: their verdicts are not the ones a framework's defaults give */
  nonDefaultCheckOptions?: NonDefaultCheckOptions[];
  results: Result[];
}

export interface FormatOptions {
  /** colour for terminals; formatters that write files ignore it */
  color: boolean;
  /** columns the terminal table may use (COLUMNS, else the terminal's, else 80); other formats ignore it */
  width?: number;
  /** `--show-passed`: the summary table also lists resources where every check passed */
  showPassed?: boolean;
  /** `--arn`: per-check detail for one resource */
  arn?: string;
  /** cloudwarden's version, for formats that name the tool (SARIF, HTML, templates) */
  toolVersion?: string;
  /** `--template FILE`: the template's path (for error messages) and text */
  template?: { file: string; source: string };
  /** region of the Security Hub that ASFF findings are meant for; defaults to each resource's region */
  securityHubRegion?: string;
}

export type Formatter = (report: ScanReport, options: FormatOptions) => string;
