import { once } from 'node:events';
import { openOutputFile, type OutputFile } from '../report/write-file.ts';
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
  /** makes the report visible under its name (temp file fsynced and renamed) */
  close(): Promise<void>;
  /** a failed run: removes the partial report, so the previous one (if any) stays whole */
  abort(): Promise<void>;
}

/** Opens the file at the first write, so a run that fails before its first page leaves no empty report behind. */
export function fileSink(file: string): FileSink {
  let out: OutputFile | undefined;
  const open = async (): Promise<OutputFile> => (out ??= await openOutputFile(file, '--output'));
  return {
    async write(text) {
      await (await open()).write(text);
    },
    async close() {
      await out?.commit();
    },
    async abort() {
      await out?.abort();
    },
  };
}
