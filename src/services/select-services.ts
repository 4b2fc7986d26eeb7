import { SERVICES } from './registry.ts';
import { requireCollectedServices } from './service-names.ts';

/** The declarations of `--service` (every one when none is named). */
export function selectServices(service: readonly string[] | undefined) {
  const names = requireCollectedServices(service);
  return SERVICES.filter((declaration) => names.includes(declaration.name));
}
