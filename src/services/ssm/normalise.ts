import type { ManagedNode, SsmState } from './model.ts';
import type { SsmSection } from './schema.ts';
import { regionsOf, type RegionalContext } from '../../model/normalise-regional.ts';
import { observe } from '../../model/observed.ts';

/**
 * The managed nodes of every region. A failed DescribeInstanceInformation hides no resource (it only tells
 * about EC2 instances listed elsewhere), so it is no gap: the region's observation keeps the error instead.
 */
export function normaliseSsm(section: SsmSection, context: RegionalContext): { ssm: SsmState } {
  const state: SsmState = { managedNodes: {} };
  for (const region of regionsOf(section, context.regions)) {
    const entry = section[region] ?? {};
    state.managedNodes[region] = observe(
      entry.DescribeInstanceInformation,
      'ssm:DescribeInstanceInformation',
      [],
      (r) =>
        r.InstanceInformationList.flatMap((node): ManagedNode[] =>
          node.InstanceId
            ? [
                {
                  instanceId: node.InstanceId,
                  ...(node.PingStatus ? { pingStatus: node.PingStatus } : {}),
                  ...(node.LastPingDateTime ? { lastPingDateTime: node.LastPingDateTime } : {}),
                  ...(node.AgentVersion ? { agentVersion: node.AgentVersion } : {}),
                  ...(node.PlatformName ? { platformName: node.PlatformName } : {}),
                },
              ]
            : [],
        ),
    );
  }
  return { ssm: state };
}
