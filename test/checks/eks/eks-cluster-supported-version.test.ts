import check, { STANDARD_SUPPORT_ENDS } from '../../../src/checks/eks/eks-cluster-supported-version.ts';
import { testCheck } from '../../support/check-tester.ts';
import { EKS_UNKNOWNS, describeCluster, oneCluster } from './eks-builders.ts';
import { describe, expect, it } from 'vitest';

// the test snapshots are collected on 2026-11-22
const on = (name: string, version: string | undefined) => {
  const answer = describeCluster(name);
  const { version: _v, ...rest } = answer.cluster;
  return oneCluster(name, { cluster: version === undefined ? rest : { ...rest, version } });
};

testCheck(check, {
  pass: [
    {
      name: 'a version whose standard support ends after the scan',
      snapshot: on('apps', '1.34'),
      message: 'apps runs Kubernetes 1.34, under standard support until 2026-12-02',
    },
    {
      name: 'a version newer than the table',
      snapshot: on('apps', '1.37'),
      message: 'apps runs Kubernetes 1.37, newer than every version in the release calendar',
    },
  ],
  fail: [
    {
      name: 'standard support ended months before the scan',
      snapshot: on('legacy', '1.33'),
      message: 'legacy runs Kubernetes 1.33, whose standard support ended on 2026-07-29',
    },
    {
      name: 'a version older than the table',
      snapshot: on('legacy', '1.21'),
      message: 'legacy runs Kubernetes 1.21, older than every version EKS still lists',
    },
  ],
  unknown: [
    ...EKS_UNKNOWNS,
    { name: 'no version reported', snapshot: on('odd', undefined), message: 'odd reports no Kubernetes minor version' },
  ],
});

describe('the release calendar', () => {
  it('ends standard support in version order', () => {
    const dates = Object.values(STANDARD_SUPPORT_ENDS);
    expect([...dates].sort()).toEqual(dates);
  });
});
