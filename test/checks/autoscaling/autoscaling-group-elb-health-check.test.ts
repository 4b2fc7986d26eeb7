import check from '../../../src/checks/autoscaling/autoscaling-group-elb-health-check.ts';
import { testCheck } from '../../support/check-tester.ts';
import { group, GROUPS_DENIED, groups } from './autoscaling-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'behind a target group with ELB health checks',
      snapshot: groups(group('web')),
      message: 'web uses the health checks of its load balancer (ELB)',
    },
    {
      name: 'ELB among several types',
      snapshot: groups(group('web', { HealthCheckType: 'ELB,EBS' })),
      message: '(ELB,EBS)',
    },
    {
      name: 'no load balancer at all',
      snapshot: groups(group('batch', { TargetGroupARNs: [], TrafficSources: [], HealthCheckType: 'EC2' })),
      message: 'batch is not behind a load balancer',
    },
  ],
  fail: [
    {
      name: 'a target group with EC2 health checks only',
      snapshot: groups(group('web', { HealthCheckType: 'EC2' })),
      message: 'web is behind a load balancer but checks instance health with EC2 only',
    },
    {
      name: 'a Classic Load Balancer with EC2 health checks',
      snapshot: groups(
        group('legacy', {
          TargetGroupARNs: [],
          TrafficSources: [{ Identifier: 'legacy-clb', Type: 'elb' }],
          LoadBalancerNames: ['legacy-clb'],
          HealthCheckType: 'EC2',
        }),
      ),
      message: 'legacy is behind a load balancer',
    },
  ],
  unknown: [GROUPS_DENIED],
});
