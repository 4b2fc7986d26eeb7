/**
 * SDK v3 outputs carry `$metadata` and `Date` objects; a snapshot holds plain JSON (ISO dates,
 * no undefined), so that what is written re-validates and equals what is read back.
 */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '$metadata' || item === undefined) continue;
      out[key] = toPlainJson(item);
    }
    return out;
  }
  return value;
}
