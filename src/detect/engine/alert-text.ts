import { escapeControl } from '../../report/escape.ts';
import type { Alert, Priority } from './types.ts';

const LABELS: Record<Priority, string> = {
  EMERGENCY: 'Emergency',
  ALERT: 'Alert',
  CRITICAL: 'Critical',
  ERROR: 'Error',
  WARNING: 'Warning',
  NOTICE: 'Notice',
  INFORMATIONAL: 'Informational',
  DEBUG: 'Debug',
};

/** How Falco spells a priority in its alert lines and JSON (`Critical`, `Informational`). */
export function priorityLabel(priority: Priority): string {
  return LABELS[priority];
}

/** Falco's output: `<time>: <Priority> <rule output>`, as in its text line and the `output` of its JSON. */
export function falcoOutput(alert: Alert): string {
  return `${alert.time}: ${LABELS[alert.priority]} ${alert.output}`;
}

/**
 * Falco's stdout line: `<time>: <Priority> <output>`, e.g. `2024-07-31T13:06:24Z: Warning The CloudTrail logging has been disabled. (...)`.
 * The output interpolates event fields: a userAgent holding a newline must not forge a second alert line.
 */
export function formatAlertText(alert: Alert): string {
  return escapeControl(falcoOutput(alert));
}
