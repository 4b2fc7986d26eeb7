/** A generic webhook on loopback that keeps what it received: each body with its `x-cloudwarden-kind` header. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWebhook {
  url: string;
  bodies: { kind: string; body: Record<string, unknown> }[];
  close: () => Promise<void>;
}

export async function startFakeWebhook(): Promise<FakeWebhook> {
  const bodies: FakeWebhook['bodies'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      bodies.push({
        kind: String(req.headers['x-cloudwarden-kind']),
        body: JSON.parse(body) as Record<string, unknown>,
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    bodies,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
