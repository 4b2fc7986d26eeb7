import type { PortRange } from '../../model/ec2.ts';

/** SSH and RDP: the remote administration ports of CIS AWS 5.1-5.3 and FSBP EC2.13/EC2.14. */
export const REMOTE_ADMIN_PORTS = [22, 3389] as const;

export const PORT_NAMES: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };

/** Sources that mean "anyone on the internet". */
export function isWholeInternet(cidr: string | undefined): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

/** A rule without a port range covers every port. */
export function coversPort(range: PortRange | undefined, port: number): boolean {
  return range === undefined || (range.from <= port && port <= range.to);
}

export function coversEveryPort(range: PortRange | undefined): boolean {
  return range === undefined || (range.from <= 0 && range.to >= 65535);
}

export function describePort(port: number): string {
  const name = PORT_NAMES[port];
  return name ? `${port} (${name})` : String(port);
}
