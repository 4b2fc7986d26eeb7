import { fail, inconclusive, pass, type Verdict } from './define-check.ts';
import { analyseBucketPolicy } from './policy/index.ts';

/**
 * The verdict on a resource-based policy (a Lambda function's, an SQS queue's) by the S3 bucket policy analysis:
 * public fails, a part that could not be read leaves it open, anything else passes. `name` starts each message.
 */
export function publicPolicyVerdict(name: string, policy: unknown, accountId: string): Verdict {
  const analysis = analyseBucketPolicy(policy, { accountId });
  if (analysis.public) return fail(`${name}'s policy is public: ${analysis.reasons.join('; ')}`);
  if (analysis.problems.length > 0)
    return inconclusive(
      `part of ${name}'s policy could not be read (${analysis.problems.join('; ')})`,
      analysis.problems.join('; '),
    );
  return pass(`${name}'s policy is not public: ${analysis.reasons.join('; ')}`);
}
