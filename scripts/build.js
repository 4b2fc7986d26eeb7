// Builds the package's JavaScript into dist/: tsc compiles src/ (tsconfig.build.json rewrites the `./x.ts`
// specifiers to `./x.js`), then the files the code reads beside itself at run time (the detection packs' YAML)
// are copied to the same place under dist/. Plain JavaScript, so that `prepare` needs nothing but TypeScript.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// a module deleted from src/ must not live on in the package
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
cpSync(`${root}src`, `${root}dist`, { recursive: true, filter: (source) => !source.endsWith('.ts') });
