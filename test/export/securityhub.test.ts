import {
  BatchImportFindingsCommand,
  InvalidAccessException,
  LimitExceededException,
  SecurityHubClient,
  type AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportToSecurityHub } from '../../src/cli/securityhub-option.ts';
import { AwsAccessError } from '../../src/errors.ts';
import { importFindings, securityHubFindings } from '../../src/export/securityhub.ts';
import { fixedReport } from '../report/fixed-report.ts';

const hub = mockClient(SecurityHubClient);
afterEach(() => hub.reset());

const noSleep = { sleep: async () => {}, baseDelayMs: 1 };

function findings(n: number): AwsSecurityFinding[] {
  const [template] = securityHubFindings(fixedReport(), 'ap-northeast-1');
  return Array.from({ length: n }, (_, i) => ({ ...template!, Id: `finding-${i}` }));
}

function sentIds(call: number): string[] {
  return (hub.commandCalls(BatchImportFindingsCommand)[call]!.args[0].input.Findings ?? []).map((f) => f.Id ?? '');
}

describe('BatchImportFindings', () => {
  it('sends 250 findings in batches of 100: 3 calls', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: unknown[] }) => ({
      FailedCount: 0,
      SuccessCount: input.Findings.length,
      FailedFindings: [],
    }));
    const summary = await importFindings(new SecurityHubClient({ region: 'ap-northeast-1' }), findings(250), noSleep);
    expect(hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings?.length)).toEqual([
      100, 100, 50,
    ]);
    expect(summary).toEqual({ sent: 250, imported: 250, calls: 3, failed: [] });
  });

  it('sends again only the findings Security Hub reported in FailedFindings', async () => {
    hub
      .on(BatchImportFindingsCommand)
      .resolvesOnce({
        FailedCount: 2,
        SuccessCount: 1,
        FailedFindings: [
          { Id: 'finding-1', ErrorCode: 'LimitExceededException', ErrorMessage: 'Rate exceeded' },
          {
            Id: 'finding-2',
            ErrorCode: 'InvalidInput',
            ErrorMessage: 'Finding does not adhere to Amazon Finding Format. data.Title should be string.',
          },
        ],
      })
      .resolves({ FailedCount: 0, SuccessCount: 1, FailedFindings: [] });
    const summary = await importFindings(new SecurityHubClient({ region: 'ap-northeast-1' }), findings(3), noSleep);
    expect(sentIds(0)).toEqual(['finding-0', 'finding-1', 'finding-2']);
    expect(sentIds(1)).toEqual(['finding-1']);
    expect(summary.imported).toBe(2);
    // an invalid finding would be refused again: reported, not retried
    expect(summary.failed).toEqual([
      {
        id: 'finding-2',
        errorCode: 'InvalidInput',
        errorMessage: 'Finding does not adhere to Amazon Finding Format. data.Title should be string.',
      },
    ]);
  });

  it('backs off and retries a throttled call', async () => {
    const sleep = vi.fn(async () => {});
    hub
      .on(BatchImportFindingsCommand)
      .rejectsOnce(new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }))
      .rejectsOnce(new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }))
      .resolves({ FailedCount: 0, SuccessCount: 2, FailedFindings: [] });
    const summary = await importFindings(new SecurityHubClient({ region: 'ap-northeast-1' }), findings(2), {
      sleep,
      baseDelayMs: 100,
    });
    expect(summary).toEqual({ sent: 2, imported: 2, calls: 3, failed: [] });
    expect(sleep.mock.calls).toEqual([[100], [200]]);
  });

  it('gives up after the last attempt and returns what was not imported', async () => {
    hub
      .on(BatchImportFindingsCommand)
      .rejects(new LimitExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }));
    const summary = await importFindings(new SecurityHubClient({ region: 'ap-northeast-1' }), findings(2), {
      ...noSleep,
      maxAttempts: 3,
    });
    expect(summary.calls).toBe(3);
    expect(summary.failed.map((f) => [f.id, f.errorCode])).toEqual([
      ['finding-0', 'LimitExceededException'],
      ['finding-1', 'LimitExceededException'],
    ]);
  });

  it('stops with one clear line when Security Hub is not enabled', async () => {
    hub.on(BatchImportFindingsCommand).rejects(
      new InvalidAccessException({
        message: 'Account 123456789012 is not subscribed to AWS Security Hub',
        $metadata: { httpStatusCode: 401 },
      }),
    );
    const error = await importFindings(new SecurityHubClient({ region: 'ap-northeast-1' }), findings(1), noSleep).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AwsAccessError);
    expect((error as AwsAccessError).message).toMatch(
      /not subscribed to AWS Security Hub \(is Security Hub enabled in this region/,
    );
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(1);
  });
});

describe('scan aws --securityhub', () => {
  it('imports every result of the scan, passing ones as resolved, into the chosen region', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: unknown[] }) => ({
      FailedCount: 0,
      SuccessCount: input.Findings.length,
      FailedFindings: [],
    }));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await exportToSecurityHub(fixedReport(), { securityhub: true, securityhubRegion: 'eu-west-1' }, 'us-east-1');
    } finally {
      stderr.mockRestore();
    }
    const sent = hub.commandCalls(BatchImportFindingsCommand)[0]!.args[0].input.Findings ?? [];
    expect(sent).toHaveLength(fixedReport().results.length);
    expect(new Set(sent.map((f) => f.ProductArn))).toEqual(
      new Set(['arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default']),
    );
    const resolved = sent.filter((f) => f.RecordState === 'ARCHIVED');
    expect(resolved.map((f) => [f.GeneratorId, f.Compliance?.Status, f.Workflow?.Status])).toEqual([
      ['s3-bucket-versioning-enabled', 'PASSED', 'RESOLVED'],
    ]);
  });

  it('fails the run (exit 2) when findings could not be imported', async () => {
    hub.on(BatchImportFindingsCommand).resolves({
      FailedCount: 8,
      SuccessCount: 0,
      FailedFindings: fixedReport().results.map((_, i) => ({
        Id: `x${i}`,
        ErrorCode: 'InvalidInput',
        ErrorMessage: 'bad',
      })),
    });
    await expect(
      exportToSecurityHub(fixedReport(), { securityhub: true, quiet: true }, 'us-east-1'),
    ).rejects.toThrowError(AwsAccessError);
  });
});
