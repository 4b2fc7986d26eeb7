// `npm run bench -- org-scan`: bundles bench/org-scan-run.ts (the scan's sources and the bench around them; packages
// stay outside, as installed) into plain JavaScript and runs it with node, so the peak RSS it reports is the
// collector's as a user runs it (built JavaScript), not tsx's: tsx's loader thread and transform caches add ~55 MB.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dir = fileURLToPath(new URL('.', import.meta.url));
// beside the sources, so that what the bench resolves against its own URL (results/) stays where it was
const bundle = `${dir}.org-scan-run.mjs`;
await build({
  entryPoints: [`${dir}org-scan-run.ts`],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
try {
  const run = spawnSync(process.execPath, [bundle], { stdio: 'inherit', env: process.env });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(bundle, { force: true });
}
