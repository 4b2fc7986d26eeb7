// Preloaded (`node --import`) into the CLI by bench/startup.bench.ts: at exit, appends the process's own CPU time and
// peak RSS to the file STARTUP_PROBE_OUT names. With STARTUP_PROBE_MODULES=1 it also counts the modules loaded
// (ES modules through a loader hook, which runs on its own thread and so costs time: a separate run).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.STARTUP_PROBE_OUT;
const countModules = process.env.STARTUP_PROBE_MODULES === '1';
if (out && countModules) register('./startup-probe-hooks.mjs', import.meta.url, { data: { out } });
process.on('exit', () => {
  if (!out) return;
  const cpu = process.cpuUsage();
  const cjs = Object.keys(createRequire(import.meta.url)('node:module')._cache).length;
  const line = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cjsModules: cjs,
  };
  appendFileSync(out, `${JSON.stringify(line)}\n`);
});
