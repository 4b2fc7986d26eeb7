import { analyseCrossAccount, type CrossAccountAnalysis } from './cross-account.ts';
import { readPolicy } from './document.ts';
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

/** Analyses a bucket policy given as parsed JSON (as in CloudTrail's `bucketPolicy`) or as its text. */
export function analyseBucketPolicy(policy: unknown, options: PolicyAnalysisOptions = {}): PolicyAnalysis {
  const document = readPolicy(policy);
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

export function isPolicyPublic(policy: unknown): boolean {
  return analysePublic(readPolicy(policy)).public;
}

/** FSBP S3.5: does the policy refuse plain-HTTP requests to `bucketArn` and its objects? */
export function analyseDenyInsecureTransport(policy: unknown, bucketArn: string): SecureTransportAnalysis & { problems: string[] } {
  const document = readPolicy(policy);
  return { ...analyseSecureTransport(document, bucketArn), problems: document.problems };
}
