import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { accessErrorFor } from '../aws/aws-errors.ts';
import { AwsClients, CLIENT_DEFAULTS } from '../aws/clients.ts';
import { partitionOfArn } from '../aws/regions.ts';

export interface VulnsAwsOptions {
  profile?: string;
  endpointUrl?: string;
}

/**
 * The clients `vulns` uses: Inspector2 and KMS per region next to the shared factory's S3 and STS.
 * Retries are the SDK's adaptive mode, which backs off on ThrottlingException.
 */
export class VulnsClients {
  private readonly shared: AwsClients;
  private readonly options: VulnsAwsOptions;
  private readonly credentials: ReturnType<typeof fromNodeProviderChain>;

  private constructor(shared: AwsClients, options: VulnsAwsOptions) {
    this.shared = shared;
    this.options = options;
    this.credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  }

  static async create(options: VulnsAwsOptions): Promise<VulnsClients> {
    return new VulnsClients(await AwsClients.create({ profile: options.profile, endpointUrl: options.endpointUrl }), options);
  }

  get homeRegion(): string {
    return this.shared.homeRegion;
  }

  private common(region: string) {
    return {
      region,
      credentials: this.credentials,
      maxAttempts: CLIENT_DEFAULTS.maxAttempts,
      retryMode: 'adaptive' as const,
      ...(this.options.endpointUrl ? { endpoint: this.options.endpointUrl } : {}),
    };
  }

  inspector(region: string): Inspector2Client {
    return new Inspector2Client(this.common(region));
  }

  kms(region: string): KMSClient {
    return new KMSClient(this.common(region));
  }

  s3(region: string) {
    return this.shared.s3(region);
  }

  /** The account and partition of the credentials in use (aws:SourceAccount of the export). */
  async identity(): Promise<{ accountId: string; partition: string }> {
    try {
      const out = await this.shared.sts().send(new GetCallerIdentityCommand({}));
      return { accountId: out.Account ?? '', partition: partitionOfArn(out.Arn) };
    } catch (error) {
      throw accessErrorFor(error, 'sts:GetCallerIdentity');
    }
  }

  destroy(): void {
    this.shared.destroy();
  }
}
