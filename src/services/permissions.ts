import type { OperationDeclaration, ServiceDeclaration } from './define-service.ts';

/** Asked by the engine itself before any regional service: which regions the account has enabled. */
const ENABLED_REGIONS_ACTION = 'ec2:DescribeRegions';

function operationsOf(service: ServiceDeclaration): OperationDeclaration[] {
  return [
    ...Object.values(service.operations),
    ...Object.values(service.groupedResources ?? {}).flatMap((group) => Object.values(group.operations)),
  ];
}

/** The IAM actions one service's collection needs, sorted. */
export function serviceActions(service: ServiceDeclaration): string[] {
  return [...new Set(operationsOf(service).flatMap((op) => op.iam))].sort();
}

/**
 * The least-privilege IAM policy for `scan aws` of these services: every action their declarations name, and
 * `ec2:DescribeRegions` when one of them is regional. `sts:GetCallerIdentity` needs no permission.
 */
export function scanPolicy(services: readonly ServiceDeclaration[]) {
  const actions = new Set(services.flatMap(serviceActions));
  if (services.some((service) => service.scope === 'regional')) actions.add(ENABLED_REGIONS_ACTION);
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'CloudwardenScanReadOnly', Effect: 'Allow', Action: [...actions].sort(), Resource: '*' }],
  };
}
