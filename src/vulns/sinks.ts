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

/** Opens the file at the first write, so a run that fails before its first page leaves no empty report behind. */
export function fileSink(file: string): FileSink {
  let stream: WriteStream | undefined;
  let sink: TextSink | undefined;
  const open = async (): Promise<TextSink> => {
    if (sink) return sink;
    stream = createWriteStream(file, { encoding: 'utf8' });
    try {
      await once(stream, 'open');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`cannot write the report (${code ?? String(error)})`, { file, field: '--output' });
    }
    sink = streamSink(stream);
    return sink;
  };
  return {
    async write(text) {
      await (await open()).write(text);
    },
    async close() {
      if (!stream) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
