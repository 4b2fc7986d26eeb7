/** Listening: the app on one address and port, until `close` (the CLI calls it on Ctrl-C or SIGTERM). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { UserError } from '../errors.ts';
import type { StoreDb } from '../store/open.ts';
import { createApp } from './app.ts';
import { newCsrfToken, requireTokenFor } from './security.ts';

export interface ServeOptions {
  store: StoreDb;
  host: string;
  /** 0: any free port (tests) */
  port: number;
  token?: string;
  now?: () => Date;
}

export interface RunningServer {
  /** where the dashboard answers, e.g. http://127.0.0.1:8080/ */
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  requireTokenFor(options.host, options.token);
  const app = createApp({
    store: options.store,
    host: options.host,
    csrf: newCsrfToken(),
    ...(options.token ? { token: options.token } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
          ? new UserError(`cannot listen on ${options.host}:${options.port} (${error.code})`, { field: '--port' })
          : error,
      ),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
