#!/usr/bin/env node
// The installed package runs the JavaScript build in dist/ (`npm run build`, which `prepare` runs before packing).
// A clone runs its TypeScript sources through tsx (a devDependency), so that what runs is always what was edited,
// never a dist/ built before the last change; without tsx (`npm ci --omit=dev`) a clone runs its build too.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/main.ts', import.meta.url);
const tsx = existsSync(sources)
  ? await import('tsx/esm/api').catch((error) => {
      if (error?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
      throw error;
    })
  : undefined;
if (tsx) {
  tsx.register();
  await import(sources.href);
} else {
  await import('../dist/cli/main.js');
}
