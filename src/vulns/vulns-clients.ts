import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { accessErrorFor } from '../aws/aws-errors.ts';
import { AwsClients } from '../aws/clients.ts';
import { partitionOfArn } from '../aws/regions.ts';

export interface VulnsAwsOptions {
  profile?: string;
  endpointUrl?: string;
}

/**
 * The clients `vulns` uses, all from the shared factory: Inspector2, KMS and S3 per region, STS.
 * Retries are the SDK's adaptive mode, which backs off on ThrottlingException.
 */
export class VulnsClients {
  private readonly shared: AwsClients;

  private constructor(shared: AwsClients) {
    this.shared = shared;
  }

  static async create(options: VulnsAwsOptions): Promise<VulnsClients> {
    return new VulnsClients(
      await AwsClients.create({
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      }),
    );
  }

  get homeRegion(): string {
    return this.shared.homeRegion;
  }

  inspector(region: string): Inspector2Client {
    return this.shared.client(Inspector2Client, region);
  }

  kms(region: string): KMSClient {
    return this.shared.client(KMSClient, region);
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
