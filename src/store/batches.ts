/** Long key lists split for `in (…)`: SQLite binds at most 32,766 parameters per statement. */

/** Keys per `in (…)` list. */
export const KEYS_PER_LIST = 5_000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
