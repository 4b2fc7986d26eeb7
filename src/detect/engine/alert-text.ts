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

/** Falco's stdout line: `<time>: <Priority> <output>`, e.g. `2024-07-31T13:06:24Z: Warning The CloudTrail logging has been disabled. (...)`. */
export function formatAlertText(alert: Alert): string {
  return `${alert.time}: ${LABELS[alert.priority]} ${alert.output}`;
}
