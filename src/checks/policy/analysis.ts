import { analyseCrossAccount, type CrossAccountAnalysis } from './cross-account.ts';
import { type PolicyDocument, readPolicy } from './document.ts';
import { analysePublic, type StatementVerdict } from './public.ts';
import { analyseSecureTransport, type SecureTransportAnalysis } from './secure-transport.ts';

export interface PolicyAnalysis {
  /** public by AWS's definition ("The meaning of public", S3 Block Public Access) */
  public: boolean;
  /** why: for a public policy one sentence per public statement, else one per Allow statement */
  reasons: string[];
  /** Sid (or `#N`, the 1-based position) of each public statement */
  publicStatements: string[];
  /** public statements that allow writes or permission changes */
  publicWriteStatements: string[];
  /** every Allow statement with its verdict */
  statements: StatementVerdict[];
  /** grants to accounts other than `options.accountId` */
  crossAccount: CrossAccountAnalysis;
  /**
   * Parts of the document that could not be read (not an object, a statement without a valid
   * Effect…). When non-empty, a `public: false` verdict is not trustworthy.
   */
  problems: string[];
}

export interface PolicyAnalysisOptions {
  /** the bucket owner's account: grants to it are not cross-account */
  accountId?: string;
}

/** "Bucket policies are limited to 20 KB in size" (Amazon S3 user guide, Bucket policies and user policies). */
export const MAX_BUCKET_POLICY_CHARS = 20 * 1024;

function readBucketPolicy(policy: unknown): PolicyDocument {
  return readPolicy(policy, { chars: MAX_BUCKET_POLICY_CHARS, what: 'a bucket policy' });
}

/** Analyses a bucket policy given as parsed JSON (as in CloudTrail's `bucketPolicy`) or as its text. */
export function analyseBucketPolicy(policy: unknown, options: PolicyAnalysisOptions = {}): PolicyAnalysis {
  const document = readBucketPolicy(policy);
  const publicAnalysis = analysePublic(document);
  return {
    public: publicAnalysis.public,
    reasons: publicAnalysis.reasons,
    publicStatements: publicAnalysis.publicStatements,
    publicWriteStatements: publicAnalysis.publicWriteStatements,
    statements: publicAnalysis.verdicts,
    crossAccount: analyseCrossAccount(document, options.accountId),
    problems: document.problems,
  };
}

/**
 * Whether a bucket policy is public; undefined when the analysis finds it not public but could not read all of
 * it (a statement without a Principal, a policy larger than AWS accepts): that "no" would be a guess.
 */
export function isPolicyPublic(policy: unknown): boolean | undefined {
  const document = readBucketPolicy(policy);
  const verdict = analysePublic(document).public;
  return verdict || document.problems.length === 0 ? verdict : undefined;
}

/** FSBP S3.5: does the policy refuse plain-HTTP requests to `bucketArn` and its objects? */
export function analyseDenyInsecureTransport(
  policy: unknown,
  bucketArn: string,
): SecureTransportAnalysis & { problems: string[] } {
  const document = readBucketPolicy(policy);
  return { ...analyseSecureTransport(document, bucketArn), problems: document.problems };
}
