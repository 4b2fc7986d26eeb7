import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVersionNote, replaceSdkNodeWarning, SDK_WARNING_SWITCH } from '../../src/cli/node-version.ts';
import { emulatedAccount, hardenedAnswers } from '../aws/emulated-account.ts';
import { startFakeAwsServer } from '../aws/fake-aws-http.ts';
import { runCli } from '../support/run-cli.ts';
import { exampleCredentialsEnv } from '../support/fake-aws-session.ts';

const NOTE_20 = 'note: Node.js 20 is end-of-life; the AWS SDK needs Node 22 from 2027: upgrade';

describe('nodeVersionNote', () => {
  it.each([
    ['v20.20.2', NOTE_20],
    ['v20.0.0', NOTE_20],
    ['v18.20.8', 'note: Node.js 18 is end-of-life; the AWS SDK needs Node 22 from 2027: upgrade'],
    ['v22.0.0', undefined],
    ['v22.23.5', undefined],
    ['v24.22.3', undefined],
    ['v26.1.0', undefined],
  ])('on %s: %s', (version, note) => {
    expect(nodeVersionNote(version)).toBe(note);
  });
});

describe('replaceSdkNodeWarning', () => {
  const SDK_TEXT =
    'NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)\nversions published after the first week of January 2027\nwill require node >=22. You are running node v20.20.2.';

  it('turns the SDK warning into one note, once, and passes every other warning through', () => {
    const passed: unknown[][] = [];
    const printed: string[] = [];
    const emit = replaceSdkNodeWarning(
      (...args) => passed.push(args),
      'v20.20.2',
      (line) => printed.push(line),
    );
    emit(SDK_TEXT);
    emit(SDK_TEXT);
    emit('something else', 'DeprecationWarning');
    expect(printed).toEqual([NOTE_20]);
    expect(passed).toEqual([['something else', 'DeprecationWarning']]);
  });
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudwarden-node-version-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const ACCOUNT = '210987654321';
const onNode20 = Number(process.versions.node.split('.')[0]) < 22;

describe(`the CLI on Node ${process.versions.node} (CI runs this file on 20, 22 and 24)`, () => {
  it(
    onNode20 ? 'prints one note line instead of the SDK eight-line warning' : 'prints no note and no SDK warning',
    async () => {
      // buckets in three regions: the SDK builds an STS, an S3 Control and several S3 clients, each of which checks the version
      const buckets = Object.fromEntries(
        ['us-east-1', 'eu-west-1', 'ap-southeast-2'].map((region) => [
          `logs-${region}`,
          { region, listRegion: true, answers: hardenedAnswers(`logs-${region}`, ACCOUNT, region) },
        ]),
      );
      const server = await startFakeAwsServer(emulatedAccount(ACCOUNT, buckets));
      try {
        const result = await runCli(
          ['scan', 'aws', '--service', 's3', '--endpoint-url', server.url, '--format', 'json'],
          {
            env: { ...exampleCredentialsEnv(dir), [SDK_WARNING_SWITCH]: undefined },
          },
        );
        expect(result.code, result.stderr).toBe(0);
        expect((JSON.parse(result.stdout) as { accountId: string }).accountId).toBe(ACCOUNT);
        expect(result.stderr).toBe(onNode20 ? `${NOTE_20}\n` : '');
      } finally {
        await server.close();
      }
    },
  );

  it('prints no note where no AWS client is built (demo) and none when the user turned the SDK warning off', async () => {
    const demo = await runCli(['demo', '--format', 'json'], { env: { [SDK_WARNING_SWITCH]: undefined } });
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).not.toContain('note:');
    expect(demo.stderr).not.toContain('NodeVersionSupportWarning');
  });
});
