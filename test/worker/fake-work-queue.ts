import { createHash } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../aws/fake-aws-http.ts';
import { FakeSqsQueue } from '../aws/fake-sqs-http.ts';

/**
 * The SQS fake plus SendMessageBatch (the JSON protocol's shapes from the SQS API reference: `Successful` entries
 * with `Id`, `MessageId`, `MD5OfMessageBody`; `Failed` with `Id`, `SenderFault`, `Code`, `Message`), for the
 * organization fan-out. `refuse` makes SQS refuse the entries whose body it matches.
 */
export class FakeWorkQueue extends FakeSqsQueue {
  refuse: (body: string) => boolean = () => false;

  override route(request: FakeRequest): FakeResponse | undefined {
    if (request.headers['x-amz-target'] !== 'AmazonSQS.SendMessageBatch') return super.route(request);
    const input = JSON.parse(request.body || '{}') as {
      QueueUrl: string;
      Entries: { Id: string; MessageBody: string }[];
    };
    this.calls.push({ operation: 'SendMessageBatch', input: input });
    const successful: Record<string, unknown>[] = [];
    const failed: Record<string, unknown>[] = [];
    for (const entry of input.Entries) {
      if (this.refuse(entry.MessageBody)) {
        failed.push({
          Id: entry.Id,
          SenderFault: false,
          Code: 'InternalError',
          Message: 'We encountered an internal error. Please try again.',
        });
        continue;
      }
      const id = this.send(entry.MessageBody);
      successful.push({
        Id: entry.Id,
        MessageId: id,
        MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex'),
      });
    }
    return {
      status: 200,
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': '7a62c49f-347e-4fc4-9331-6e8e7a96aa73',
      },
      body: JSON.stringify({ Successful: successful, ...(failed.length ? { Failed: failed } : {}) }),
    };
  }
}
