/**
 * Services cap a message's size (SNS 256 KB, an EventBridge entry 256 KB, a CloudWatch Logs event 256 KB). A notice
 * is never refused for its size: long strings inside its JSON are clipped until it fits, and it says so
 * (`"truncated": true`), keeping every field name.
 */
const CLIPS = [4096, 1024, 256, 64];

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function clipStrings(value: unknown, max: number): unknown {
  if (typeof value === 'string') return value.length > max ? `${value.slice(0, max)}…` : value;
  if (Array.isArray(value)) return value.map((v) => clipStrings(v, max));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clipStrings(v, max)]));
  return value;
}

/** The JSON text of `value`, at most `maxBytes` of UTF-8. */
export function fitJson(value: Record<string, unknown>, maxBytes: number): string {
  const whole = JSON.stringify(value);
  if (utf8Length(whole) <= maxBytes) return whole;
  for (const max of CLIPS) {
    const text = JSON.stringify({ ...(clipStrings(value, max) as Record<string, unknown>), truncated: true });
    if (utf8Length(text) <= maxBytes) return text;
  }
  // thousands of fields: keep the scalar top-level ones, which identify the notice
  const scalars = Object.entries(clipStrings(value, 64) as Record<string, unknown>).filter(
    ([, v]) => v === null || typeof v !== 'object',
  );
  return JSON.stringify({ ...Object.fromEntries(scalars), truncated: true });
}
