/** `cloudwarden serve`: the dashboard and its JSON API over the results store (docs/dashboard.md). */
import { Option, type Command } from 'commander';
import { UserError } from '../errors.ts';
import { openStore } from '../store/open.ts';
import type { Exits } from './exits.ts';
import { hint } from './scan-output.ts';
import { storeToRead, type DbOption } from './store-option.ts';
import { addStoreReadOption } from './store-reading.ts';

interface ServeCliOptions extends DbOption {
  host: string;
  port: string;
  token?: string;
  quiet?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UserError(`"${value}" is not a port (0-65535)`, { field: '--port' });
  }
  return port;
}

/** Serves until SIGINT or SIGTERM, then closes the server and the store: stopping it is how it ends (exit 0). */
export async function serveDashboard(options: ServeCliOptions, env = process.env): Promise<number> {
  const port = parsePort(options.port);
  const token = options.token ?? (env.CLOUDWARDEN_TOKEN || undefined);
  const { requireTokenFor } = await import('../server/security.ts');
  // before the store opens: a refused address leaves nothing to clean up
  requireTokenFor(options.host, token);
  const store = await openStore(storeToRead(options, env));
  const { startServer } = await import('../server/start.ts');
  let server;
  try {
    server = await startServer({ store, host: options.host, port, ...(token ? { token } : {}) });
  } catch (error) {
    await store.db.destroy();
    throw error;
  }
  hint(
    options,
    `cloudwarden dashboard for ${store.name} at ${server.url}${token ? ' (open it with ?token=…)' : ''}; Ctrl-C stops it`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await store.db.destroy();
  return 0;
}

export function registerServeCommand(program: Command, exits: Exits): void {
  const command = program
    .command('serve')
    .description('the dashboard and its JSON API over the results store (see docs/dashboard.md)')
    .option('--host <address>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .addOption(new Option('--token <secret>', 'required on every request (default: CLOUDWARDEN_TOKEN)'))
    .option('-q, --quiet', 'print nothing on start');
  addStoreReadOption(command).action(exits(async (options: ServeCliOptions) => serveDashboard(options)));
}
