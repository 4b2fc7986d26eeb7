import type { Observed } from '../model/observed.ts';
import { notCollected } from './define-state.ts';

/**
 * A regional listing read by an account-wide check: answered when any region answered (the check then reads the
 * region it needs and says `unknown` itself when that one failed); with none answered, the first failure is the reason.
 */
export function anyRegion(byRegion: Record<string, Observed<unknown>>, operation: string): Observed<unknown> {
  const observed = Object.values(byRegion);
  return (
    observed.find((o) => o.kind === 'present') ?? observed.find((o) => o.kind === 'error') ?? notCollected(operation)
  );
}
