import { AwsAccessError, redact } from '../errors.ts';
import type { AwsErrorRecord } from '../model/observed.ts';

/**
 * How SDK v3 errors look: service errors carry `name` (the AWS error code), `$fault`, `$metadata.httpStatusCode`
 * and the fields of the XML error body (`Code`, `Region`, `Endpoint`, …); the raw response stays on `$response`.
 * Network errors carry a Node `code` such as `ECONNREFUSED` instead.
 */
interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  Region?: unknown;
  Endpoint?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

function asSdkError(error: unknown): SdkErrorLike {
  return error !== null && typeof error === 'object' ? error : {};
}

/** The AWS error name (`AccessDenied`, `NoSuchBucketPolicy`, …), or the Node error code for network failures. */
export function awsErrorName(error: unknown): string {
  // our own AwsAccessError carries the AWS name it stands for
  if (error instanceof AwsAccessError) return error.awsErrorName;
  const e = asSdkError(error);
  for (const candidate of [e.Code, e.name, e.code]) {
    if (typeof candidate === 'string' && candidate !== '' && candidate !== 'Error' && candidate !== 'UnknownError')
      return candidate;
  }
  const status = e.$metadata?.httpStatusCode;
  return status ? `HTTP${status}` : 'UnknownError';
}

export function httpStatusOf(error: unknown): number | undefined {
  return asSdkError(error).$metadata?.httpStatusCode;
}

/** The `{ name, message }` a snapshot records for a failed call; credentials never reach it. */
export function errorRecord(error: unknown): AwsErrorRecord {
  const e = asSdkError(error);
  const message = typeof e.message === 'string' ? e.message : String(error);
  return { name: awsErrorName(error), message: redact(message) };
}

/** Errors that mean "these credentials cannot be used at all": the scan stops instead of recording them per bucket. */
const CREDENTIAL_ERRORS: Record<string, string> = {
  CredentialsProviderError:
    'no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, use --profile, or run `aws sso login`',
  ExpiredToken: 'the AWS session token has expired: refresh your credentials (e.g. `aws sso login`) and run again',
  ExpiredTokenException:
    'the AWS session token has expired: refresh your credentials (e.g. `aws sso login`) and run again',
  InvalidClientTokenId: 'AWS does not recognise the access key id: check the profile or the AWS_ACCESS_KEY_ID in use',
  UnrecognizedClientException:
    'AWS does not recognise the access key id or session token: check the credentials in use',
  SignatureDoesNotMatch: 'AWS rejected the request signature: check the secret access key in use',
};

export function isCredentialError(error: unknown): boolean {
  return awsErrorName(error) in CREDENTIAL_ERRORS;
}

/** One clear line for an error that makes the whole run unusable (exit 2). */
export function accessErrorFor(error: unknown, operation: string): AwsAccessError {
  const name = awsErrorName(error);
  const record = errorRecord(error);
  const advice = CREDENTIAL_ERRORS[name];
  const message = advice ? `${advice} (AWS said: ${record.message})` : record.message;
  return new AwsAccessError(message, name, operation, { cause: error });
}

const REDIRECT_ERRORS = new Set(['PermanentRedirect', 'AuthorizationHeaderMalformed']);

/** True when S3 says the bucket lives in another region (HTTP 301 `PermanentRedirect`, or a SigV4 region mismatch). */
export function isRegionRedirect(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name === 'AuthorizationHeaderMalformed') return redirectRegionOf(error) !== undefined;
  return REDIRECT_ERRORS.has(name) || httpStatusOf(error) === 301;
}

const REGION_IN_TEXT = /\b([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)\b/;

/**
 * The region a redirect names: the `x-amz-bucket-region` response header, the `Region` field of
 * `AuthorizationHeaderMalformed`, or the region inside the `Endpoint` of `PermanentRedirect`
 * (`bucket.s3.eu-west-1.amazonaws.com`; the bare `bucket.s3.amazonaws.com` is us-east-1).
 */
export function redirectRegionOf(error: unknown): string | undefined {
  const e = asSdkError(error);
  const header = e.$response?.headers?.['x-amz-bucket-region'];
  if (typeof header === 'string' && header !== '') return header;
  if (typeof e.Region === 'string' && e.Region !== '') return e.Region;
  if (typeof e.Endpoint === 'string') {
    const match = REGION_IN_TEXT.exec(e.Endpoint);
    if (match?.[1]) return match[1];
    if (/(^|\.)s3(-external-1)?\.amazonaws\.com$/.test(e.Endpoint)) return 'us-east-1';
  }
  return undefined;
}
