import { createServer, type AddressInfo } from 'node:net';

export interface FakeClamd {
  address: string;
  close(): Promise<void>;
}

/**
 * A clamd on loopback speaking its socket protocol for tests that need no real engine: one command a connection,
 * NUL-terminated; zINSTREAM reads length-prefixed chunks up to the zero-length one, then answers `stream: <verdict>`
 * from `verdictFor(body)` (e.g. `OK`, `Sig.Name FOUND`).
 */
export async function startFakeClamd(
  versionReply: string,
  verdictFor: (body: Buffer) => string = () => 'OK',
): Promise<FakeClamd> {
  const server = createServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const text = received.toString('latin1');
      if (text === 'zPING\0') socket.end('PONG\0');
      else if (text === 'zVERSION\0') socket.end(`${versionReply}\0`);
      else if (text.startsWith('zINSTREAM\0')) {
        const body = streamBody(received.subarray('zINSTREAM\0'.length));
        if (body) socket.end(`stream: ${verdictFor(body)}\0`);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `tcp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The streamed bytes once the zero-length chunk has arrived; undefined while more is to come. */
function streamBody(chunks: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 4 <= chunks.length) {
    const length = chunks.readUInt32BE(offset);
    if (length === 0) return Buffer.concat(parts);
    if (offset + 4 + length > chunks.length) return undefined;
    parts.push(chunks.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return undefined;
}
