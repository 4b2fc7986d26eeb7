import check from '../../../src/checks/lambda/lambda-function-not-public.ts';
import { testCheck } from '../../support/check-tester.ts';
import { ACCOUNT_ID, awsError } from '../../support/snapshot-builders.ts';
import {
  DENIED,
  DENIED_ARN,
  NO_POLICY,
  functionArn,
  lambdaFunction,
  lambdaSnapshot,
  policyAnswer,
} from './lambda-builders.ts';

const ARN = functionArn('thumbnailer');
const invoke = (principal: unknown, condition?: object) => ({
  Sid: 'grant',
  Effect: 'Allow',
  Principal: principal,
  Action: 'lambda:InvokeFunction',
  Resource: ARN,
  ...(condition ? { Condition: condition } : {}),
});
const withPolicy = (answer: unknown) => lambdaSnapshot([lambdaFunction('thumbnailer')], { [ARN]: answer });

testCheck(check, {
  pass: [
    { name: 'no resource-based policy', snapshot: withPolicy(NO_POLICY), message: 'has no resource-based policy' },
    {
      name: 'S3 may invoke it, fixed to one bucket and account',
      snapshot: withPolicy(
        policyAnswer(
          invoke(
            { Service: 's3.amazonaws.com' },
            {
              StringEquals: { 'AWS:SourceAccount': ACCOUNT_ID },
              ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads-bucket' },
            },
          ),
        ),
      ),
      message: 'is not public',
    },
    {
      name: 'another account by its root',
      snapshot: withPolicy(policyAnswer(invoke({ AWS: 'arn:aws:iam::210987654321:root' }))),
      message: 'is not public',
    },
  ],
  fail: [
    { name: 'Principal "*"', snapshot: withPolicy(policyAnswer(invoke('*'))), message: 'is public' },
    {
      name: 'a public function URL (auth type NONE)',
      snapshot: withPolicy(
        policyAnswer({
          Sid: 'FunctionURLAllowPublicAccess',
          Effect: 'Allow',
          Principal: '*',
          Action: 'lambda:InvokeFunctionUrl',
          Resource: ARN,
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        }),
      ),
      message: 'is public',
    },
  ],
  unknown: [
    {
      name: 'GetPolicy denied',
      snapshot: withPolicy(awsError('AccessDeniedException', 'not authorized to perform: lambda:GetPolicy')),
      message: 'AccessDeniedException on lambda:GetPolicy',
    },
    {
      name: 'GetPolicy not collected for the function',
      snapshot: lambdaSnapshot([lambdaFunction('thumbnailer')]),
      message: 'lambda:GetPolicy',
    },
    {
      name: "ListFunctions denied: the region's functions are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on lambda:ListFunctions',
    },
  ],
});
