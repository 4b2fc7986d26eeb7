import { UserError } from '../errors.ts';
import { SECTIONS } from './sections.ts';

/**
 * Services `scan aws` collects: one snapshot section each. Read from the sections, whose schemas load without the
 * AWS SDK, so that a command's `--service` choices do not load every client.
 */
export const COLLECTED_SERVICES = Object.keys(SECTIONS);

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
