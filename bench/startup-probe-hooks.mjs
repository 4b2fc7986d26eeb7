// Loader hooks of bench/startup-probe.mjs: one line per ES module (or CommonJS module imported from one) loaded.
import { appendFileSync } from 'node:fs';

let out;
export function initialize(data) {
  out = data.out;
}
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.startsWith('node:')) appendFileSync(out, `${JSON.stringify({ esm: url, format: result.format })}\n`);
  return result;
}
