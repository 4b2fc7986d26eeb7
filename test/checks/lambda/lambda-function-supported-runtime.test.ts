import check from '../../../src/checks/lambda/lambda-function-supported-runtime.ts';
import { testCheck } from '../../support/check-tester.ts';
import { DENIED, DENIED_ARN, lambdaFunction, lambdaSnapshot } from './lambda-builders.ts';

// the shared snapshot builders collect on 2026-11-22
const runs = (runtime: string | undefined, extra: Record<string, unknown> = {}) =>
  lambdaSnapshot([lambdaFunction('orders-api', { Runtime: runtime, ...extra })]);

testCheck(check, {
  pass: [
    { name: 'python3.13', snapshot: runs('python3.13'), message: 'runs python3.13, a supported runtime' },
    { name: 'a runtime newer than the table', snapshot: runs('nodejs26.x'), message: 'a supported runtime' },
    {
      name: 'a container image brings its own runtime',
      snapshot: runs(undefined, { PackageType: 'Image', Handler: undefined }),
      message: 'container image',
    },
  ],
  fail: [
    { name: 'python3.8', snapshot: runs('python3.8'), message: 'deprecated since 2024-10-14' },
    { name: 'nodejs18.x', snapshot: runs('nodejs18.x'), message: 'deprecated since 2025-09-01' },
    { name: 'go1.x', snapshot: runs('go1.x'), message: 'no security patches' },
  ],
  unknown: [
    {
      name: "ListFunctions denied: the region's functions are hidden",
      snapshot: DENIED,
      arn: DENIED_ARN,
      message: 'AccessDeniedException on lambda:ListFunctions',
    },
  ],
});
