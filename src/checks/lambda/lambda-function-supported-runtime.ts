import { defineCheck, fail, pass } from '../define-check.ts';

/**
 * Managed runtimes and the day AWS deprecated them (no more security patches), from the Lambda developer guide's
 * runtime table ("Deprecated runtimes" and the announced dates of supported ones). A runtime not listed is supported.
 */
export const RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  nodejs: '2016-10-31',
  'nodejs4.3': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30',
  'nodejs12.x': '2023-03-31',
  'nodejs14.x': '2023-12-04',
  'nodejs16.x': '2024-06-12',
  'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30',
  'python2.7': '2021-07-15',
  'python3.6': '2022-07-18',
  'python3.7': '2023-12-04',
  'python3.8': '2024-10-14',
  'python3.9': '2025-12-15',
  'ruby2.5': '2021-07-30',
  'ruby2.7': '2023-12-07',
  'ruby3.2': '2026-03-31',
  java8: '2024-01-08',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'dotnetcore1.0': '2019-07-30',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore3.1': '2023-04-03',
  dotnet6: '2024-12-20',
  dotnet8: '2026-11-10',
};

export default defineCheck({
  id: 'lambda-function-supported-runtime',
  aliases: ['Lambda.2', 'awslambda_function_using_supported_runtimes'],
  service: 'lambda',
  resource: 'lambda-function',
  severity: 'medium',
  title: 'Lambda functions use a supported runtime',
  description:
    'AWS stops patching a managed runtime on its deprecation date, and later blocks creating and then updating functions that use it. The check fails for a function whose runtime was deprecated on or before the day the evidence was collected; a container image function brings its own runtime and passes with a note. Security Hub Lambda.2.',
  remediation: {
    terraform: `resource "aws_lambda_function" "this" {
  # ...
  runtime = "python3.13"
}`,
    cli: 'aws lambda update-function-configuration --function-name FUNCTION --runtime python3.13 --region REGION',
    console:
      'Lambda console (in the region) > Functions > FUNCTION > Code > Runtime settings > Edit > choose a supported runtime (test the code on it first).',
  },
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2',
  ],
  needs: ['lambda:ListFunctions'],
  triggers: ['CreateFunction20150331', 'UpdateFunctionConfiguration20150331v2'],
  evaluate(fn, { state }) {
    if (fn.runtime === undefined)
      return pass(
        `${fn.name} is a ${fn.packageType === 'Image' ? 'container image' : 'function'} without a managed runtime`,
      );
    const deprecated = RUNTIME_DEPRECATION[fn.runtime];
    const on = state.collectedAt.slice(0, 10);
    if (deprecated !== undefined && deprecated <= on)
      return fail(`${fn.name} runs ${fn.runtime}, deprecated since ${deprecated}: it gets no security patches`);
    return pass(
      `${fn.name} runs ${fn.runtime}, a supported runtime${deprecated ? ` (deprecated on ${deprecated})` : ''}`,
    );
  },
});
