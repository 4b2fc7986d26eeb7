import type { FinalizeHandler, FinalizeHandlerArguments, MetadataBearer } from '@smithy/types';
import { awsErrorName, httpStatusOf } from '../aws/aws-errors.ts';
import type { AwsClientSource, ClientConstructor, DestroyableClient } from '../aws/clients.ts';

/** Error codes AWS services answer when a caller exceeds its request rate (the SDK retries them with a longer backoff). */
const THROTTLING_ERRORS = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'KmsThrottled',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);

export function isThrottlingError(error: unknown): boolean {
  return THROTTLING_ERRORS.has(awsErrorName(error)) || httpStatusOf(error) === 429;
}

interface ThrottleTally {
  throttled: number;
}

interface WithMiddleware {
  middlewareStack?: {
    add(
      middleware: (next: FinalizeHandler<object, MetadataBearer>) => FinalizeHandler<object, MetadataBearer>,
      options: { step: 'finalizeRequest'; priority: 'low'; name: string },
    ): void;
  };
}

/** The tally each instrumented client counts into (a client is instrumented once, whoever asks again). */
const tallies = new WeakMap<object, ThrottleTally>();

/**
 * The SDK retries throttled calls inside `send`, so a collector only ever sees the last answer. This middleware
 * sits inside the retry loop (finalizeRequest, after the retry middleware) and sees every attempt.
 */
function counted<C extends object>(client: C, tally: ThrottleTally): C {
  if (!tallies.has(client)) {
    (client as WithMiddleware).middlewareStack?.add(
      (next) => async (args: FinalizeHandlerArguments<object>) => {
        try {
          return await next(args);
        } catch (error) {
          const target = tallies.get(client);
          if (target && isThrottlingError(error)) target.throttled += 1;
          throw error;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'cloudwardenThrottleCount' },
    );
  }
  tallies.set(client, tally);
  return client;
}

/** The same clients, each counting the attempts AWS throttled into `tally.throttled` (retried or not). */
export function countingThrottles(source: AwsClientSource, tally: ThrottleTally): AwsClientSource {
  return {
    homeRegion: source.homeRegion,
    sts: () => counted(source.sts(), tally),
    s3Control: () => counted(source.s3Control(), tally),
    s3: (region) => counted(source.s3(region), tally),
    client: <C extends DestroyableClient>(ctor: ClientConstructor<C>, region: string) =>
      counted(source.client(ctor, region), tally),
    releaseRegion: (region) => source.releaseRegion(region),
  };
}
