import { callerIdentity, xml, type FakeRequest, type FakeResponse } from '../aws/fake-aws-http.ts';

/**
 * The AWS services the sinks write to, at the HTTP level, behind one `--endpoint-url`: SNS Publish (query protocol,
 * XML answer), CloudWatch Logs PutLogEvents / CreateLogStream (JSON 1.1, `X-Amz-Target: Logs_20140328.*`), Security
 * Hub BatchImportFindings (REST JSON, `POST /findings/import`), EventBridge PutEvents (JSON 1.1, `AWSEvents.PutEvents`)
 * and STS GetCallerIdentity. Bodies and error shapes
 * follow the API references; every request is kept, decoded, for the test to read what the real SDK sent.
 */

const SNS_NS = 'http://sns.amazonaws.com/doc/2010-03-31/';
let sequence = 0;

function requestId(): string {
  sequence += 1;
  return `d74b8436-ae13-5ab4-a9ff-${String(sequence).padStart(12, '0')}`;
}

function json11(status: number, body: unknown): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId() },
    body: JSON.stringify(body),
  };
}

export class FakeSinkServices {
  readonly published: Record<string, string>[] = [];
  readonly logEvents: {
    logGroupName: string;
    logStreamName: string;
    logEvents: { timestamp: number; message: string }[];
  }[] = [];
  readonly streams = new Set<string>();
  readonly groups = new Set<string>();
  readonly findings: Record<string, unknown>[][] = [];
  readonly events: Record<string, unknown>[] = [];
  /** the next answers of an operation, before the normal one (`sns:Publish`, `logs:PutLogEvents`, …) */
  readonly failNext = new Map<string, FakeResponse[]>();

  constructor(readonly account = '111122223333') {}

  private failure(operation: string): FakeResponse | undefined {
    return this.failNext.get(operation)?.shift();
  }

  route = (request: FakeRequest): FakeResponse => {
    const target = request.headers['x-amz-target'] ?? '';
    if (target.startsWith('Logs_20140328.')) return this.logs(target.slice('Logs_20140328.'.length), request.body);
    if (target === 'AWSEvents.PutEvents') return this.putEvents(request.body);
    if (request.method === 'POST' && request.path === '/findings/import') return this.securityHub(request.body);
    const params = Object.fromEntries(new URLSearchParams(request.body));
    if (params.Action === 'GetCallerIdentity') return callerIdentity(this.account);
    if (params.Action === 'Publish') return this.publish(params);
    return { status: 400, body: `not emulated: ${request.method} ${request.path} ${target}` };
  };

  private publish(params: Record<string, string>): FakeResponse {
    const failed = this.failure('sns:Publish');
    if (failed) return failed;
    this.published.push(params);
    return xml(
      200,
      `<PublishResponse xmlns="${SNS_NS}"><PublishResult><MessageId>567910cd-659e-55d4-8ccb-${String(this.published.length).padStart(12, '0')}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  }

  private logs(operation: string, body: string): FakeResponse {
    const input = JSON.parse(body) as { logGroupName: string; logStreamName: string; logEvents?: never[] };
    const failed = this.failure(`logs:${operation}`);
    if (failed) return failed;
    if (!this.groups.has(input.logGroupName))
      return json11(400, {
        __type: 'ResourceNotFoundException',
        message: 'The specified log group does not exist.',
      });
    const stream = `${input.logGroupName}/${input.logStreamName}`;
    if (operation === 'CreateLogStream') {
      if (this.streams.has(stream))
        return json11(400, {
          __type: 'ResourceAlreadyExistsException',
          message: 'The specified log stream already exists',
        });
      this.streams.add(stream);
      return json11(200, {});
    }
    if (operation !== 'PutLogEvents') return json11(400, { __type: 'InvalidOperation', message: operation });
    if (!this.streams.has(stream))
      return json11(400, { __type: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
    this.logEvents.push(JSON.parse(body) as FakeSinkServices['logEvents'][number]);
    return json11(200, { nextSequenceToken: '49654839745389265848239534590834658234765896532347' });
  }

  private putEvents(body: string): FakeResponse {
    const { Entries } = JSON.parse(body) as { Entries: Record<string, unknown>[] };
    this.events.push(...Entries);
    return json11(200, {
      FailedEntryCount: 0,
      Entries: Entries.map((_, i) => ({ EventId: `11710aed-b79e-4468-a20b-${String(i).padStart(12, '0')}` })),
    });
  }

  private securityHub(body: string): FakeResponse {
    const failed = this.failure('securityhub:BatchImportFindings');
    if (failed) return failed;
    const { Findings } = JSON.parse(body) as { Findings: Record<string, unknown>[] };
    this.findings.push(Findings);
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId() },
      body: JSON.stringify({ FailedCount: 0, SuccessCount: Findings.length, FailedFindings: [] }),
    };
  }
}
