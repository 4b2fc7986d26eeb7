import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { policyText } from '../../model/normalise-policy.ts';
import { observe, present, type Observed } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, type NormaliseContext } from '../define-state.ts';
import type { LambdaSection } from './schema.ts';

/** A Lambda function (its latest version), ARN `arn:<partition>:lambda:<region>:<account>:function:<name>`. */
export interface LambdaFunction {
  kind: 'lambda-function';
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** the runtime identifier (`python3.12`); undefined for a container image, which brings its own */
  runtime: string | undefined;
  packageType: 'Zip' | 'Image';
  /** the resource-based policy, parsed; absent (`ResourceNotFoundException`) when nobody was granted access */
  policy: Observed<unknown>;
}

export interface LambdaState {
  functions: LambdaFunction[];
}

function parsedPolicy(text: Observed<string>): Observed<unknown> {
  return text.kind === 'present' ? policyText(text.value, 'lambda:GetPolicy', 'the function policy') : text;
}

/** The functions of every region; a failed ListFunctions is a gap (its functions' checks say unknown). */
function normaliseLambda(section: LambdaSection, context: NormaliseContext): { state: LambdaState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: LambdaState = { functions: [] };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    const policies = entry.GetPolicy ?? {};
    const listed = listing(
      entry.ListFunctions,
      { operation: 'lambda:ListFunctions', region },
      [context.hidden('lambda-function', region)],
      gaps,
      (r) =>
        r.Functions.map((f): LambdaFunction => {
          const arn = f.FunctionArn ?? context.arn('lambda-function', region, f.FunctionName);
          return {
            kind: 'lambda-function',
            arn,
            region,
            accountId: context.accountId,
            name: f.FunctionName,
            runtime: f.Runtime,
            packageType: f.PackageType === 'Image' ? 'Image' : 'Zip',
            policy: parsedPolicy(
              observe(policies[arn], 'lambda:GetPolicy', ['ResourceNotFoundException'], (p) => p.Policy),
            ),
          };
        }),
    );
    appendAll(state.functions, listed.items);
  }
  return { state, gaps };
}

/** AWS Lambda in the account state: `state.lambda` (functions of every region with their resource policies). */
export default defineServiceState({
  sections: ['lambda'],
  normalise: (snapshot, context) => normaliseLambda(snapshot.lambda ?? {}, context),
  resources: {
    'lambda-function': {
      securityHubType: 'AwsLambdaFunction',
      // `function:<name>`: a colon where most services put a slash
      arn: ({ partition, region, accountId, id }) => `arn:${partition}:lambda:${region}:${accountId}:function:${id}`,
      of: (state: LambdaState) => state.functions,
    },
  },
  operations: {
    // the function is its own evidence: a listing that failed hid it (a gap), one that answered named it
    'lambda:ListFunctions': {
      scope: 'lambda-function',
      read: (_state: LambdaState, f: LambdaFunction) => present(f),
    },
    'lambda:GetPolicy': { scope: 'lambda-function', read: (_state: LambdaState, f: LambdaFunction) => f.policy },
  },
});
