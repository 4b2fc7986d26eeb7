import type { Severity } from '../findings/severity.ts';

/**
 * A compliance framework is data: controls, each decided by zero or more cloudwarden checks.
 * A control without checks is `manual`: cloudwarden cannot decide it and lists it for a person to verify.
 */
export interface Control {
  /** the framework's own id: `2.1.1` (CIS), `S3.8` (FSBP) */
  id: string;
  title: string;
  /** the section heading the control sits under */
  section: string;
  /** CIS profile level (1 or 2) */
  level?: 1 | 2;
  /** the framework's severity (FSBP) */
  severity?: Severity;
  /** check ids that decide the control; empty: manual */
  checks: string[];
}

export interface Framework {
  /** what `--compliance` takes, e.g. `cis-aws-v3.0` */
  name: string;
  title: string;
  version: string;
  /** what part of the framework cloudwarden maps, and anything a reader must know about it */
  scope: string;
  controls: Control[];
}

/** Compact control rows for the data files: [id, title, level or severity, checks]. */
export type ControlRow = [id: string, title: string, levelOrSeverity: 1 | 2 | Severity, checks?: string[]];

export function controlsFrom(sections: Record<string, ControlRow[]>): Control[] {
  return Object.entries(sections).flatMap(([section, rows]) =>
    rows.map(([id, title, rank, checks = []]) => {
      const control: Control = { id, title, section, checks };
      if (typeof rank === 'number') control.level = rank;
      else control.severity = rank;
      return control;
    }),
  );
}
