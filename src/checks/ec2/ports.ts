import type { PortRange, SecurityGroupRule } from '../../services/ec2/model.ts';

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

/**
 * Ports a security group must not open to the internet: remote administration, then the database and
 * admin services FSBP EC2.19 names as high risk. The default of `ec2-sg-no-public-admin-ports`'s `ports`
 * option; it is printed in the check's description so users see what is covered.
 */
export const HIGH_RISK_PORTS: readonly number[] = [
  20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888,
  9200, 9300,
];

/** Whether a rule carries TCP traffic (`tcp`, `6`, or every protocol `-1`). */
export function ruleCarriesTcp(protocol: string): boolean {
  return protocol === '-1' || protocol === 'tcp' || protocol === '6';
}

/** The whole-internet sources of a security group rule. */
export function worldSources(rule: SecurityGroupRule): string[] {
  return [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(isWholeInternet);
}

/** `port (name) from 0.0.0.0/0` for each of `ports` a rule set opens to the internet over TCP. */
export function portsOpenToInternet(
  rules: readonly SecurityGroupRule[],
  ports: readonly number[],
): { port: number; source: string; everyPort: boolean }[] {
  const open: { port: number; source: string; everyPort: boolean }[] = [];
  for (const rule of rules) {
    const sources = worldSources(rule);
    if (sources.length === 0 || !ruleCarriesTcp(rule.protocol)) continue;
    for (const port of ports) {
      if (coversPort(rule.portRange, port) && !open.some((o) => o.port === port)) {
        open.push({
          port,
          source: sources[0] as string,
          everyPort: rule.protocol === '-1' || coversEveryPort(rule.portRange),
        });
      }
    }
  }
  return open.sort((a, b) => a.port - b.port);
}
