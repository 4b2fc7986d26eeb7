/**
 * `--sink KIND:TARGET` (and `--webhook URL`, its alias for `webhook:URL`) turned into sinks: the target checked up
 * front, so a typo is a usage error before anything is read. AWS sinks get their clients from the one client factory
 * (same --profile, --region and --endpoint-url as the command), created on first use only.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  AwsClients,
  type AwsClientOptions,
  type AwsClientSource,
  type ClientConstructor,
  type DestroyableClient,
} from '../aws/clients.ts';
import { UserError } from '../errors.ts';
import { CloudWatchLogsTransport, parseLogTarget } from './cloudwatch-logs.ts';
import { EventBridgeTransport, parseBus } from './eventbridge.ts';
import type { Route } from './routing.ts';
import { parseSecurityHubTarget, SecurityHubTransport } from './securityhub.ts';
import { SlackTransport } from './slack.ts';
import { parseTopicArn, SnsTransport } from './sns.ts';
import type { SinkSetup } from './notifier.ts';
import type { Transport } from './transport.ts';
import { WebhookTransport } from './webhook.ts';

export const SINK_KINDS = ['slack', 'webhook', 'sns', 'eventbridge', 'cloudwatch-logs', 'securityhub'] as const;
export type SinkKind = (typeof SINK_KINDS)[number];

/** The environment variables a sink reads: secrets stay off the command line (and out of `ps`). */
export const WEBHOOK_SECRET_ENV = 'CLOUDWARDEN_WEBHOOK_SECRET';
export const DASHBOARD_URL_ENV = 'CLOUDWARDEN_DASHBOARD_URL';

export interface SinkSpec {
  kind: SinkKind;
  target: string;
}

export function parseSinkSpec(text: string, field = '--sink'): SinkSpec {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  if (!(SINK_KINDS as readonly string[]).includes(kind))
    throw new UserError(
      `"${kind}" is not a sink kind (use ${SINK_KINDS.map((k) => `${k}:`).join(', ')} followed by the target)`,
      { field },
    );
  return { kind: kind as SinkKind, target: colon < 0 ? '' : text.slice(colon + 1) };
}

export interface SinkContext {
  /** the command's AWS settings, for the AWS sinks' client factory */
  aws: AwsClientOptions;
  /** tests hand in a factory over mocks */
  clients?: AwsClientSource;
  /** per HTTP request (webhook, Slack) */
  timeoutMs?: number;
  dashboardUrl?: string;
  /** the webhook signing secret (from $CLOUDWARDEN_WEBHOOK_SECRET or the config file) */
  webhookSecret?: string;
  now?: () => number;
}

/** Builds transports; owns the AWS clients it created. */
export class SinkFactory {
  private clients: Promise<AwsClientSource> | undefined;
  private owned: AwsClients | undefined;
  private account: Promise<string> | undefined;

  constructor(private readonly context: SinkContext) {}

  private awsClients(): Promise<AwsClientSource> {
    this.clients ??= this.context.clients
      ? Promise.resolve(this.context.clients)
      : AwsClients.create(this.context.aws).then((created) => (this.owned = created));
    return this.clients;
  }

  private async homeRegion(): Promise<string> {
    return (await this.awsClients()).homeRegion;
  }

  private callerAccount(): Promise<string> {
    this.account ??= this.awsClients()
      .then((c) => c.sts().send(new GetCallerIdentityCommand({})))
      .then((identity) => identity.Account ?? '');
    // a failed look-up is asked again next time rather than remembered
    this.account.catch(() => (this.account = undefined));
    return this.account;
  }

  /** Checks the target now; an AWS sink's home region is read when it first sends. */
  async transport(spec: SinkSpec, field: string, secret = this.context.webhookSecret): Promise<Transport> {
    const http = {
      ...(this.context.timeoutMs ? { timeoutMs: this.context.timeoutMs } : {}),
      ...(this.context.now ? { now: this.context.now } : {}),
    };
    const client =
      <C extends DestroyableClient>(ctor: ClientConstructor<C>) =>
      async (region: string) =>
        (await this.awsClients()).client<C>(ctor, region);
    switch (spec.kind) {
      case 'webhook':
        return new WebhookTransport(spec.target, secret, http, field);
      case 'slack':
        return new SlackTransport(spec.target, this.context.dashboardUrl, http, field);
      case 'sns':
        return new SnsTransport(parseTopicArn(spec.target, field), client(SNSClient));
      case 'eventbridge': {
        const bus = parseBus(spec.target || 'default', field);
        return new EventBridgeTransport(bus, bus.region ?? (await this.homeRegion()), client(EventBridgeClient));
      }
      case 'cloudwatch-logs':
        return new CloudWatchLogsTransport(
          parseLogTarget(spec.target, field),
          await this.homeRegion(),
          client(CloudWatchLogsClient),
          this.context.now,
        );
      case 'securityhub': {
        const region = parseSecurityHubTarget(spec.target, field) ?? (await this.homeRegion());
        return new SecurityHubTransport(region, client(SecurityHubClient), () => this.callerAccount());
      }
    }
  }

  async setup(text: string, field: string, route?: Route): Promise<SinkSetup> {
    const spec = parseSinkSpec(text, field);
    return { spec: text, transport: await this.transport(spec, field), ...(route ? { route } : {}) };
  }

  destroy(): void {
    this.owned?.destroy();
  }
}
