import { InternalError } from '../errors.ts';
import type { Observed } from '../model/observed.ts';

/**
 * The value of an observation a check listed in `needs`: the engine guarantees it is either
 * present or absent ("not configured", returned as `null`). Reading evidence the check did not
 * declare is a bug in the check.
 */
export function known<T>(observed: Observed<T>): T | null {
  if (observed.kind === 'present') return observed.value;
  if (observed.kind === 'absent') return null;
  throw new InternalError(`a check read ${observed.operation} without listing it in needs (${observed.kind})`);
}
