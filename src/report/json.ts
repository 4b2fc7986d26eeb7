import type { Formatter } from './scan-report.ts';

export const formatJson: Formatter = (report) =>
  `${JSON.stringify(
    {
      schemaVersion: report.schemaVersion,
      accountId: report.accountId,
      generatedAt: report.generatedAt,
      collectedAt: report.collectedAt,
      partial: report.partial,
      notCollected: report.notCollected ?? [],
      ...(report.nonDefaultCheckOptions?.length ? { nonDefaultCheckOptions: report.nonDefaultCheckOptions } : {}),
      results: report.results,
    },
    null,
    2,
  )}\n`;
