/**
 * Worker threads and matcher recipes name their module by URL at run time, and the build rewrites only `import`
 * specifiers: `./worker.ts` beside a source file is `./worker.js` beside its build in dist/. These resolve such a
 * module the same way in both layouts (a clone running its sources through tsx, the installed package).
 */

/** The URL of the module `name` (no extension) beside `base` (an `import.meta.url`), with `base`'s own extension. */
export function siblingModule(base: string, name: string): string {
  return new URL(`./${name}${isTypeScriptModule(base) ? '.ts' : '.js'}`, base).href;
}

/** Whether `url` is a TypeScript source, which a worker thread can import only after registering tsx. */
export function isTypeScriptModule(url: string): boolean {
  return /\.[cm]?ts$/.test(new URL(url).pathname);
}
