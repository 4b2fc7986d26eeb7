import {
  CreateFindingsReportCommand,
  GetFindingsReportStatusCommand,
  type Inspector2Client,
} from '@aws-sdk/client-inspector2';
import { accessErrorFor } from '../aws/aws-errors.ts';
import { AwsAccessError } from '../errors.ts';
import type { FilterCriteria } from './filters.ts';

export interface ExportRequest {
  format: 'CSV' | 'JSON';
  bucket: string;
  prefix: string;
  kmsKeyArn: string;
  criteria: FilterCriteria;
}

export interface ExportOutcome {
  reportId: string;
  status: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface PollOptions {
  /** first wait between status calls; doubles up to `maxDelayMs` */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** give up after this long (the report keeps being made; its id is printed) */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (status: string, elapsedMs: number) => void;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * CreateFindingsReport, then GetFindingsReportStatus with exponential backoff until the report
 * SUCCEEDED, FAILED or was CANCELLED. A failed report is an error naming Inspector's errorCode.
 */
export async function exportFindingsReport(
  client: Inspector2Client,
  request: ExportRequest,
  poll: PollOptions = {},
): Promise<ExportOutcome> {
  const { initialDelayMs = 2000, maxDelayMs = 30_000, timeoutMs = 3_600_000, sleep = sleepFor, onProgress } = poll;
  let reportId: string | undefined;
  try {
    const created = await client.send(
      new CreateFindingsReportCommand({
        reportFormat: request.format,
        filterCriteria: request.criteria,
        s3Destination: {
          bucketName: request.bucket,
          keyPrefix: request.prefix || undefined,
          kmsKeyArn: request.kmsKeyArn,
        },
      }),
    );
    reportId = created.reportId;
  } catch (error) {
    throw accessErrorFor(error, 'inspector2:CreateFindingsReport');
  }
  if (!reportId)
    throw new AwsAccessError('Inspector returned no reportId', 'EmptyResponse', 'inspector2:CreateFindingsReport');

  let delay = initialDelayMs;
  let elapsed = 0;
  for (;;) {
    await sleep(delay);
    elapsed += delay;
    let status;
    try {
      status = await client.send(new GetFindingsReportStatusCommand({ reportId }));
    } catch (error) {
      throw accessErrorFor(error, `inspector2:GetFindingsReportStatus ${reportId}`);
    }
    const state = status.status ?? 'IN_PROGRESS';
    onProgress?.(state, elapsed);
    if (state === 'SUCCEEDED') return { reportId, status: state };
    if (state === 'FAILED' || state === 'CANCELLED') {
      throw new AwsAccessError(
        `report ${reportId} ${state}: ${status.errorMessage ?? 'no message'}`,
        status.errorCode ?? state,
        'inspector2:GetFindingsReportStatus',
      );
    }
    if (elapsed >= timeoutMs) {
      throw new AwsAccessError(
        `report ${reportId} still ${state} after ${Math.round(elapsed / 1000)} s; check it later with GetFindingsReportStatus`,
        'Timeout',
        'inspector2:GetFindingsReportStatus',
      );
    }
    delay = Math.min(delay * 2, maxDelayMs);
  }
}
