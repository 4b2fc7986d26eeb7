import type { LoadBalancer } from '../../services/elbv2/model.ts';
import { pass, type Verdict } from '../define-check.ts';

/**
 * The verdict for a load balancer an ALB-only control does not apply to (a Network or Gateway Load Balancer has no
 * HTTP layer: no headers to drop, no desync to mitigate), or undefined for an Application Load Balancer.
 */
export function notAnAlb(lb: LoadBalancer, control: string): Verdict | undefined {
  if (lb.type === 'application') return undefined;
  return pass(`${lb.name} is a ${lb.type} load balancer: ${control} applies to Application Load Balancers only`);
}
