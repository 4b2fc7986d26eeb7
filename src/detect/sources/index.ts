/** Turns the --source list into one ordered stream of input units: sources are read one after another, in the order given. */
import type { DetectionUnit } from '../pipeline/run-detection.ts';
import type { DetectAwsClients } from './aws-clients.ts';
import type { Checkpoint } from './checkpoint.ts';
import { pathUnits, stdinUnit } from './local-files.ts';
import type { SourceSpec } from './source-spec.ts';
import type { TimeWindow } from './time-window.ts';

export { Checkpoint } from './checkpoint.ts';
export { checkPath } from './local-files.ts';
export { parseSource, type SourceSpec } from './source-spec.ts';
export { inWindow, makeWindow, type TimeWindow } from './time-window.ts';

export interface SourceContext {
  window: TimeWindow;
  /** the AWS SDK is loaded only when an s3:// or sqs:// source is read */
  aws: () => Promise<DetectAwsClients>;
  checkpoint?: Checkpoint;
  /** sqs: stop when the queue is empty */
  drain: boolean;
  signal?: AbortSignal;
  stdin?: AsyncIterable<Uint8Array>;
  log: (line: string) => void;
  /** sqs: how often messages in work get their visibility extended (tests shorten it) */
  sqsVisibility?: { seconds: number; everyMs?: number };
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
      case 's3': {
        const [{ s3Units }, aws] = await Promise.all([import('./s3-objects.ts'), context.aws()]);
        yield* s3Units({
          client: aws.s3(),
          uri: spec.uri,
          bucket: spec.bucket,
          prefix: spec.prefix,
          window: context.window,
          checkpoint: context.checkpoint,
          signal: context.signal,
        });
        break;
      }
      case 'sqs': {
        const [{ sqsUnits }, aws] = await Promise.all([import('./sqs-queue.ts'), context.aws()]);
        yield* sqsUnits({
          sqs: aws.sqs(spec.region),
          s3: aws.s3(),
          queueUrl: spec.queueUrl,
          drain: context.drain,
          signal: context.signal,
          log: context.log,
          ...(context.sqsVisibility ? { visibility: context.sqsVisibility } : {}),
        });
        break;
      }
    }
  }
}
