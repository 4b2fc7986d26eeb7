/** Turns the --source list into one ordered stream of input units: sources are read one after another, in the order given. */
import type { DetectionUnit } from '../pipeline/run-detection.ts';
import type { DetectAwsClients } from './aws-clients.ts';
import type { Checkpoint } from './checkpoint.ts';
import { pathUnits, stdinUnit } from './local-files.ts';
import { s3Units } from './s3-objects.ts';
import type { SourceSpec } from './source-spec.ts';
import { sqsUnits } from './sqs-queue.ts';
import type { TimeWindow } from './time-window.ts';

export { DetectAwsClients } from './aws-clients.ts';
export { Checkpoint } from './checkpoint.ts';
export { checkPath } from './local-files.ts';
export { parseSource, type SourceSpec } from './source-spec.ts';
export { inWindow, makeWindow, type TimeWindow } from './time-window.ts';

export interface SourceContext {
  window: TimeWindow;
  aws: () => DetectAwsClients;
  checkpoint?: Checkpoint;
  /** sqs: stop when the queue is empty */
  drain: boolean;
  signal?: AbortSignal;
  stdin?: AsyncIterable<Uint8Array>;
  log: (line: string) => void;
}

export async function* openSources(specs: SourceSpec[], context: SourceContext): AsyncGenerator<DetectionUnit> {
  for (const spec of specs) {
    if (context.signal?.aborted) return;
    switch (spec.kind) {
      case 'path':
        yield* pathUnits(spec.path, context.window);
        break;
      case 'stdin':
        yield stdinUnit(context.stdin);
        break;
      case 's3':
        yield* s3Units({
          client: context.aws().s3(),
          uri: spec.uri,
          bucket: spec.bucket,
          prefix: spec.prefix,
          window: context.window,
          checkpoint: context.checkpoint,
          signal: context.signal,
        });
        break;
      case 'sqs':
        yield* sqsUnits({
          sqs: context.aws().sqs(spec.region),
          s3: context.aws().s3(),
          queueUrl: spec.queueUrl,
          drain: context.drain,
          signal: context.signal,
          log: context.log,
        });
        break;
    }
  }
}
