/**
 * Native addons built with node-gyp (better-sqlite3) load only on the Node.js ABI they were built for. Run on
 * another Node.js (an upgrade, `nvm use`, a shared `npx` cache), Node's own error spans five lines and suggests
 * nothing precise; this turns it into one line that names the package and the command that fixes it.
 */

const ABI_MISMATCH = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires\s+NODE_MODULE_VERSION (\d+)\./;
const ADDON_PATH = /(\/[^\s'"()]*\.node)\b/;

/** The one-line description of a native addon that failed to load, or undefined for any other error. */
export function describeAddonLoadFailure(error: unknown, nodeVersion: string = process.version): string | undefined {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== 'ERR_DLOPEN_FAILED') return undefined;
  const file = ADDON_PATH.exec(error.message)?.[1];
  const owner = file === undefined ? undefined : owningPackage(file);
  const fix = owner ? `npm rebuild ${owner.name} --prefix ${owner.prefix}` : 'npm rebuild';
  const what = owner?.name ?? file ?? 'a native addon';
  const abi = ABI_MISMATCH.exec(error.message);
  if (abi) {
    return `${what} was built for another Node.js (NODE_MODULE_VERSION ${abi[1]}; Node.js ${nodeVersion} needs ${abi[2]}): run \`${fix}\` with this Node.js`;
  }
  const firstLine = error.message.split('\n')[0] ?? '';
  const reason = file !== undefined && firstLine.startsWith(`${file}: `) ? firstLine.slice(file.length + 2) : firstLine;
  return `${what} cannot load its native addon on Node.js ${nodeVersion} (${reason}): run \`${fix}\` with this Node.js`;
}

/** `…/node_modules/@scope/name/build/Release/x.node` -> `@scope/name` installed under `…`. */
function owningPackage(file: string): { name: string; prefix: string } | undefined {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const [first, second] = file.slice(at + '/node_modules/'.length).split('/');
  const name = first?.startsWith('@') ? `${first}/${second}` : first;
  return name ? { name, prefix: file.slice(0, at) || '/' } : undefined;
}
