import check from '../../../src/checks/elbv2/elbv2-deletion-protection.ts';
import { testCheck } from '../../support/check-tester.ts';
import { albAttributes, ATTRIBUTE_UNKNOWNS, lb, nlbAttributes, oneLb } from './elbv2-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'an ALB with deletion protection',
      snapshot: oneLb(lb('web'), { attributes: albAttributes() }),
      message: 'application load balancer web has deletion protection on',
    },
    {
      name: 'an NLB with deletion protection',
      snapshot: oneLb(lb('tcp', 'network'), { attributes: nlbAttributes('true') }),
      message: 'network load balancer tcp',
    },
  ],
  fail: [
    {
      name: 'an ALB with the default (false)',
      snapshot: oneLb(lb('web'), { attributes: albAttributes({ 'deletion_protection.enabled': 'false' }) }),
      message: 'can be deleted without turning protection off first',
    },
    {
      name: 'an NLB without it',
      snapshot: oneLb(lb('tcp', 'network'), { attributes: nlbAttributes('false') }),
      message: 'network load balancer tcp can be deleted',
    },
  ],
  unknown: ATTRIBUTE_UNKNOWNS,
});
