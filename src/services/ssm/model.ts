import type { Observed } from '../../model/observed.ts';

/** A node registered with Systems Manager (DescribeInstanceInformation), i.e. one whose SSM agent has checked in. */
export interface ManagedNode {
  /** the EC2 instance id (`i-…`), or `mi-…` for a hybrid node */
  instanceId: string;
  /** `Online` means the agent answers now, so Session Manager can open a session */
  pingStatus?: string;
  lastPingDateTime?: string;
  agentVersion?: string;
  platformName?: string;
}

export interface SsmState {
  /** per region: the nodes registered with Systems Manager; a region missing here was not collected */
  managedNodes: Record<string, Observed<ManagedNode[]>>;
}

/**
 * A region's registrations as a check reads them. Checks use this as extra evidence, not in `needs`: a region whose
 * ssm section is absent says `missing`, and the check decides what it can without it.
 */
export function managedNodesIn(ssm: SsmState, region: string): Observed<ManagedNode[]> {
  return ssm.managedNodes[region] ?? { kind: 'missing', operation: 'ssm:DescribeInstanceInformation' };
}
