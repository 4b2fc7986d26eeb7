/** What `--source` accepts: a path, `-` (stdin), `s3://bucket/prefix`, `sqs://QUEUE_URL`. */
import { UserError } from '../../errors.ts';

export type SourceSpec =
  | { kind: 'path'; path: string }
  | { kind: 'stdin' }
  | { kind: 's3'; uri: string; bucket: string; prefix: string }
  | { kind: 'sqs'; uri: string; queueUrl: string; region: string };

export function parseSource(text: string): SourceSpec {
  if (text === '-') return { kind: 'stdin' };
  if (text.startsWith('s3://')) return { kind: 's3', uri: text, ...parseS3Uri(text, '--source') };
  if (text.startsWith('sqs://')) {
    const shown = withoutSecrets(text);
    const rest = text.slice('sqs://'.length);
    const queueUrl = /^https?:\/\//.test(rest) ? rest : `https://${rest}`;
    let url: URL;
    try {
      url = new URL(queueUrl);
    } catch {
      throw new UserError(
        `"${shown}" is not sqs://QUEUE_URL (e.g. sqs://https://sqs.us-east-1.amazonaws.com/123456789012/trail-queue)`,
        { field: '--source' },
      );
    }
    const region = sqsRegion(url.hostname);
    if (!region || url.pathname.split('/').filter(Boolean).length !== 2) {
      throw new UserError(`"${shown}" is not an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE)`, {
        field: '--source',
      });
    }
    return { kind: 'sqs', uri: text, queueUrl, region };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    throw new UserError(
      `unsupported source "${withoutSecrets(text)}" (a path, -, s3://bucket/prefix or sqs://QUEUE_URL)`,
      { field: '--source' },
    );
  return { kind: 'path', path: text };
}

/** `s3://bucket/prefix` (the caller checked the scheme); `field` names the option in the error. */
export function parseS3Uri(text: string, field: string): { bucket: string; prefix: string } {
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const prefix = slash < 0 ? '' : rest.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new UserError(`"${text}": "${bucket}" is not an S3 bucket name`, { field });
  return { bucket, prefix };
}

/** A source as it may be printed: `user:password@` and a query string (where tokens go) are masked. */
function withoutSecrets(text: string): string {
  return text.replace(/\/\/[^/?#]*@/g, '//***@').replace(/\?.*$/s, '?…');
}

/** `sqs.us-east-1.amazonaws.com`, the legacy `us-east-1.queue.amazonaws.com`, VPC endpoints `vpce-….sqs.us-east-1.vpce.amazonaws.com`. */
function sqsRegion(host: string): string | undefined {
  const modern = /(?:^|\.)sqs\.([a-z]{2}(?:-[a-z]+)+-\d)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/.exec(host);
  if (modern) return modern[1];
  const legacy = /^([a-z]{2}(?:-[a-z]+)+-\d)\.queue\.amazonaws\.com$/.exec(host);
  if (legacy) return legacy[1];
  return host === 'queue.amazonaws.com' ? 'us-east-1' : undefined;
}
