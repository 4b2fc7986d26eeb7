import check from '../../../src/checks/elbv2/elbv2-alb-drops-invalid-headers.ts';
import { testCheck } from '../../support/check-tester.ts';
import { albAttributes, ATTRIBUTE_UNKNOWNS, lb, nlbAttributes, oneLb } from './elbv2-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'an ALB dropping invalid headers',
      snapshot: oneLb(lb('web'), { attributes: albAttributes() }),
      message: 'ALB web drops invalid HTTP header fields',
    },
    {
      name: 'an NLB (no HTTP layer)',
      snapshot: oneLb(lb('tcp', 'network'), { attributes: nlbAttributes() }),
      message: 'applies to Application Load Balancers only',
    },
  ],
  fail: [
    {
      name: 'an ALB with the default (false)',
      snapshot: oneLb(lb('web'), {
        attributes: albAttributes({ 'routing.http.drop_invalid_header_fields.enabled': 'false' }),
      }),
      message:
        'passes invalid HTTP header fields to its targets (routing.http.drop_invalid_header_fields.enabled is false)',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
