import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider, HttpHandlerOptions, RequestHandler } from '@smithy/types';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { UserError } from '../errors.ts';

export interface AwsClientOptions {
  /** named profile from ~/.aws/config and ~/.aws/credentials; otherwise the default credential chain */
  profile?: string;
  /** send every call here instead of AWS (an emulator or a VPC endpoint); S3 then uses path-style addressing */
  endpointUrl?: string;
  /** region for the account-wide calls (STS, S3 Control, ListBuckets); default: the profile's or AWS_REGION, else us-east-1 */
  homeRegion?: string;
  /** attempts per call, retries included (throttling, 5xx, timeouts) */
  maxAttempts?: number;
  /** how long one attempt may take, in ms */
  requestTimeoutMs?: number;
  /** how long opening a connection may take, in ms */
  connectionTimeoutMs?: number;
  /** sockets per host: at least the scan's concurrency, or calls queue inside the HTTP agent */
  maxSockets?: number;
  /** tests inject these; users get the default chain */
  credentials?: AwsCredentialIdentityProvider;
  requestHandler?: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;
}

export const CLIENT_DEFAULTS = {
  maxAttempts: 6,
  requestTimeoutMs: 30_000,
  connectionTimeoutMs: 5_000,
  maxSockets: 50,
} as const;

/** What a collector needs: one client per service, S3 per region. Tests hand collectors real clients over mocks. */
export interface AwsClientSource {
  readonly homeRegion: string;
  sts(): STSClient;
  s3Control(): S3ControlClient;
  /** `followRegionRedirects`: let the SDK chase a bucket to its region (for callers that do not record it themselves) */
  s3(region: string, options?: S3ClientChoice): S3Client;
  /** any other SDK v3 client (EC2, CloudTrail, IAM…) for a region, built once and shared */
  client<C extends DestroyableClient>(ctor: ClientConstructor<C>, region: string): C;
  /**
   * Forgets the clients `client()` built for this region (a later ask builds new ones). They are not destroyed: the
   * sockets belong to the shared request handler, and a call still holding one of them finishes normally.
   */
  releaseRegion(region: string): void;
}

export interface S3ClientChoice {
  followRegionRedirects?: boolean;
}

/** What `client()` needs of an SDK v3 client class. */
export interface DestroyableClient {
  destroy(): void;
}
export type ClientConstructor<C> = new (config: ReturnType<AwsClients['commonConfig']> & { endpoint?: string }) => C;

/** `--endpoint-url` checked: an http(s) URL, or a one-line UserError. */
export function parseEndpoint(endpointUrl: string): URL {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    throw new UserError(`"${endpointUrl}" is not a URL (e.g. http://127.0.0.1:4566)`, { field: '--endpoint-url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`"${endpointUrl}" must start with http:// or https://`, { field: '--endpoint-url' });
  }
  return url;
}

/**
 * The client factory: one credential provider shared by every client (so SSO/assume-role run once),
 * SDK retries in adaptive mode (backs off on `SlowDown`/`ThrottlingException` and rate-limits itself),
 * a timeout per attempt, and S3 clients cached per region.
 */
export class AwsClients implements AwsClientSource {
  readonly homeRegion: string;
  private readonly options: AwsClientOptions;
  private readonly credentials: AwsCredentialIdentityProvider;
  private readonly endpoint: URL | undefined;
  private readonly requestHandler: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> | NodeHttpHandler;
  private readonly s3ByRegion = new Map<string, S3Client>();
  private readonly otherClients = new Map<string, DestroyableClient>();
  private stsClient: STSClient | undefined;
  private s3ControlClient: S3ControlClient | undefined;

  private constructor(options: AwsClientOptions, homeRegion: string) {
    this.options = options;
    this.homeRegion = homeRegion;
    this.endpoint = options.endpointUrl ? parseEndpoint(options.endpointUrl) : undefined;
    this.credentials = options.credentials ?? defaultCredentials(options.profile);
    const maxSockets = Math.max(options.maxSockets ?? CLIENT_DEFAULTS.maxSockets, CLIENT_DEFAULTS.maxSockets);
    this.requestHandler =
      options.requestHandler ??
      new NodeHttpHandler({
        connectionTimeout: options.connectionTimeoutMs ?? CLIENT_DEFAULTS.connectionTimeoutMs,
        requestTimeout: options.requestTimeoutMs ?? CLIENT_DEFAULTS.requestTimeoutMs,
        throwOnRequestTimeout: true,
        httpsAgent: { keepAlive: true, maxSockets },
        httpAgent: { keepAlive: true, maxSockets },
      });
  }

  /** Resolves the home region the way the AWS CLI does (AWS_REGION, then the profile's `region`), else us-east-1. */
  static async create(options: AwsClientOptions = {}): Promise<AwsClients> {
    if (options.endpointUrl) parseEndpoint(options.endpointUrl);
    const homeRegion = options.homeRegion ?? (await configuredRegion(options.profile)) ?? 'us-east-1';
    return new AwsClients(options, homeRegion);
  }

  /** The settings every client shares (public for `ClientConstructor`'s type). */
  commonConfig(region: string) {
    return this.common(region);
  }

  private common(region: string) {
    return {
      region,
      credentials: this.credentials,
      requestHandler: this.requestHandler,
      maxAttempts: this.options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
      retryMode: 'adaptive' as const,
    };
  }

  sts(): STSClient {
    this.stsClient ??= new STSClient({
      ...this.common(this.homeRegion),
      ...(this.endpoint ? { endpoint: this.endpoint.href } : {}),
    });
    return this.stsClient;
  }

  s3Control(): S3ControlClient {
    const endpoint = this.endpoint;
    // With a plain `endpoint` the S3 Control endpoint rules prefix the account id to the host
    // (`123456789012.127.0.0.1`), which no emulator or proxy answers: route to the URL as given.
    this.s3ControlClient ??= new S3ControlClient({
      ...this.common(this.homeRegion),
      ...(endpoint ? { endpointProvider: () => ({ url: new URL(endpoint.href) }) } : {}),
    });
    return this.s3ControlClient;
  }

  s3(region: string, choice: S3ClientChoice = {}): S3Client {
    const followRegionRedirects = choice.followRegionRedirects === true;
    const key = `${region}${followRegionRedirects ? '+redirects' : ''}`;
    let client = this.s3ByRegion.get(key);
    if (!client) {
      client = new S3Client({
        ...this.common(region),
        // By default redirects are followed by the collector, which also records the bucket's real region.
        followRegionRedirects,
        ...(this.endpoint ? { endpoint: this.endpoint.href, forcePathStyle: true } : {}),
      });
      this.s3ByRegion.set(key, client);
    }
    return client;
  }

  client<C extends DestroyableClient>(ctor: ClientConstructor<C>, region: string): C {
    // S3 and S3 Control reach an --endpoint-url only with their own settings (path style, no account-id host)
    if ((ctor as unknown) === S3Client) return this.s3(region) as unknown as C;
    if ((ctor as unknown) === S3ControlClient) return this.s3Control() as unknown as C;
    const key = `${ctor.name}@${region}`;
    let client = this.otherClients.get(key) as C | undefined;
    if (!client) {
      client = new ctor({ ...this.common(region), ...(this.endpoint ? { endpoint: this.endpoint.href } : {}) });
      this.otherClients.set(key, client);
    }
    return client;
  }

  releaseRegion(region: string): void {
    const suffix = `@${region}`;
    for (const key of this.otherClients.keys()) if (key.endsWith(suffix)) this.otherClients.delete(key);
  }

  /** Closes the sockets so the process can exit at once. */
  destroy(): void {
    this.stsClient?.destroy();
    this.s3ControlClient?.destroy();
    for (const client of this.s3ByRegion.values()) client.destroy();
    for (const client of this.otherClients.values()) client.destroy();
  }
}

/** The SDK's default chain; with --profile, its errors name the profile (the chain's own message does not). */
function defaultCredentials(profile: string | undefined): AwsCredentialIdentityProvider {
  if (!profile) return fromNodeProviderChain();
  const chain = fromNodeProviderChain({ profile });
  return async (identityProperties) => {
    try {
      return await chain(identityProperties);
    } catch (error) {
      if (error instanceof Error) error.message = `profile "${profile}": ${error.message}`;
      throw error;
    }
  };
}

/** The region the SDK would pick for this profile, or undefined when none is configured. */
async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}
