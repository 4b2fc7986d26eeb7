import { UserError } from '../errors.ts';
import { SERVICES } from './registry.ts';

/** Services `scan aws` collects: every declaration of the service registry. */
export const COLLECTED_SERVICES = SERVICES.map((service) => service.name);

/** `--service ec2,cloudtrail`: the services to collect; none given means every one. */
export function requireCollectedServices(service: readonly string[] | undefined): string[] {
  if (service === undefined) return COLLECTED_SERVICES;
  const wanted = [...new Set(service)];
  for (const name of wanted) {
    if (!COLLECTED_SERVICES.includes(name)) {
      throw new UserError(`scan aws collects ${COLLECTED_SERVICES.join(', ')} (not "${name}")`, { field: '--service' });
    }
  }
  if (wanted.length === 0) throw new UserError('names no service', { field: '--service' });
  return wanted;
}

/** The declarations of `--service` (every one when none is named). */
export function selectServices(service: readonly string[] | undefined) {
  const names = requireCollectedServices(service);
  return SERVICES.filter((declaration) => names.includes(declaration.name));
}
