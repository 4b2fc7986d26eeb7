import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { UserError } from '../errors.ts';
import type { TextSink } from './report.ts';

/** A sink over a Node stream that waits for `drain`, so a slow disk or pipe holds the producer back. */
export function streamSink(stream: NodeJS.WritableStream): TextSink {
  return {
    async write(text) {
      if (text === '') return;
      if (!stream.write(text)) await once(stream, 'drain');
    },
  };
}

export interface FileSink extends TextSink {
  close(): Promise<void>;
}

export async function fileSink(file: string): Promise<FileSink> {
  const stream: WriteStream = createWriteStream(file, { encoding: 'utf8' });
  try {
    await once(stream, 'open');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write the report (${code ?? String(error)})`, { file, field: '--output' });
  }
  const sink = streamSink(stream);
  return {
    write: sink.write,
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}
