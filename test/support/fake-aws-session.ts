import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** What the mocked `sts:GetCallerIdentity` answers in CLI tests: a read-only auditor of the example account. */
export const AUDITOR_IDENTITY = {
  Account: '123456789012',
  Arn: 'arn:aws:iam::123456789012:user/auditor',
  UserId: 'AIDAEXAMPLE',
};

/**
 * For a test file whose AWS clients are mocked: example credentials in the environment (the SDK's default
 * chain must find some before it reaches the mock) and a scratch directory for snapshots and config files,
 * both removed after the file. Returns the directory (known once `beforeAll` has run).
 */
export function useFakeAwsSession(prefix: string): () => string {
  let dir = '';
  useExampleCredentials();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Example static credentials in this process's environment for the test file, so the SDK's default chain stops there. */
export function useExampleCredentials(): void {
  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  });
  afterAll(() => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });
}

/**
 * The environment of a spawned CLI that talks to a local fake of AWS: example static credentials, a home region,
 * and no profile, config file or instance metadata to find instead (`dir` holds the config paths, which do not exist).
 */
export function exampleCredentialsEnv(dir: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'),
  };
}
