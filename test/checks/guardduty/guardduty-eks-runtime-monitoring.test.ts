import check from '../../../src/checks/guardduty/guardduty-eks-runtime-monitoring.ts';
import { testCheck } from '../../support/check-tester.ts';
import { PLAN_UNKNOWNS, detectorWith, planRegion } from './plan-builders.ts';

const runtime = (Name: string, Status: string, addon?: string) => ({
  Name,
  Status,
  ...(addon === undefined ? {} : { AdditionalConfiguration: [{ Name: 'EKS_ADDON_MANAGEMENT', Status: addon }] }),
});

testCheck(check, {
  pass: [
    {
      name: 'Runtime Monitoring with the EKS add-on managed',
      snapshot: planRegion(
        detectorWith([
          {
            ...runtime('RUNTIME_MONITORING', 'ENABLED', 'ENABLED'),
            AdditionalConfiguration: [
              { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
              { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'DISABLED' },
              { Name: 'EC2_AGENT_MANAGEMENT', Status: 'DISABLED' },
            ],
          },
          runtime('EKS_RUNTIME_MONITORING', 'ENABLED', 'ENABLED'),
        ]),
      ),
      message: 'RUNTIME_MONITORING: ENABLED, EKS_ADDON_MANAGEMENT: ENABLED',
    },
    {
      name: 'an older detector with only EKS_RUNTIME_MONITORING',
      snapshot: planRegion(detectorWith([runtime('EKS_RUNTIME_MONITORING', 'ENABLED', 'ENABLED')])),
      message: 'EKS_RUNTIME_MONITORING: ENABLED, EKS_ADDON_MANAGEMENT: ENABLED',
    },
  ],
  fail: [
    {
      name: 'Runtime Monitoring on, but the agent is managed by hand',
      snapshot: planRegion(detectorWith([runtime('RUNTIME_MONITORING', 'ENABLED', 'DISABLED')])),
      message: 'RUNTIME_MONITORING: ENABLED, EKS_ADDON_MANAGEMENT: DISABLED; EKS_RUNTIME_MONITORING: not reported',
    },
    {
      name: 'the add-on managed but Runtime Monitoring off',
      snapshot: planRegion(detectorWith([runtime('RUNTIME_MONITORING', 'DISABLED', 'ENABLED')])),
      message: 'is not enabled on detector',
    },
    {
      name: 'neither feature reported',
      snapshot: planRegion(detectorWith([])),
      message: 'RUNTIME_MONITORING: not reported, EKS_ADDON_MANAGEMENT: not reported',
    },
  ],
  unknown: PLAN_UNKNOWNS,
});
