import check from '../../../src/checks/elbv2/elbv2-alb-access-logging.ts';
import { testCheck } from '../../support/check-tester.ts';
import { albAttributes, ATTRIBUTE_UNKNOWNS, lb, nlbAttributes, oneLb } from './elbv2-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'an ALB logging to S3',
      snapshot: oneLb(lb('web'), { attributes: albAttributes() }),
      message: 'writes access logs to s3://example-lb-logs',
    },
    {
      name: 'an NLB (not in ELB.5)',
      snapshot: oneLb(lb('tcp', 'network'), { attributes: nlbAttributes() }),
      message: 'network load balancer',
    },
  ],
  fail: [
    {
      name: 'an ALB with access logs off',
      snapshot: oneLb(lb('web'), {
        attributes: albAttributes({ 'access_logs.s3.enabled': 'false', 'access_logs.s3.bucket': '' }),
      }),
      message: 'ALB web has access logging off',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
