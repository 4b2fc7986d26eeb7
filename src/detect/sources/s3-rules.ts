/**
 * `--rules s3://bucket/prefix`: every *.yaml / *.yml object under the prefix, in key order, read as rule texts
 * named `s3://bucket/key` (so a rule error says `s3://bucket/key:12:3`). Sysdig Cloud Connector kept its rules in a
 * bucket this way (seed 001 syncs a local rules/ folder to `s3://BUCKET/rules`). A prefix without a trailing slash
 * is a folder name: `s3://b/rules` reads `rules/a.yaml` (or the object `rules` itself), not `rules-old/b.yaml`.
 * Any failure to list or read makes the rule set incomplete, so it ends the run (exit 2) with one line.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { accessErrorFor } from '../../aws/aws-errors.ts';
import type { RuleSource } from '../engine/types.ts';
import { UserError } from '../../errors.ts';
import { parseS3Uri } from './source-spec.ts';

const RULES_KEY = /\.ya?ml$/i;

export function isS3RulesUri(path: string): boolean {
  return path.startsWith('s3://');
}

export async function readS3RuleSources(client: S3Client, uri: string, signal?: AbortSignal): Promise<RuleSource[]> {
  const { bucket, prefix } = parseS3Uri(uri, '--rules');
  const inFolder = (key: string) =>
    prefix === '' || prefix.endsWith('/') || key === prefix || key.startsWith(`${prefix}/`);
  const keys: string[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw accessErrorFor(error, `ListObjectsV2 s3://${bucket}/${prefix}`);
    }
    for (const object of page.Contents ?? []) {
      if (object.Key && RULES_KEY.test(object.Key) && inFolder(object.Key)) keys.push(object.Key);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  if (keys.length === 0) throw new UserError('no .yaml or .yml rules files under this S3 prefix', { file: uri });
  const sources: RuleSource[] = [];
  for (const key of keys) {
    const file = `s3://${bucket}/${key}`;
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
      if (!response.Body) throw new UserError('GetObject returned no body', { file });
      sources.push({ file, text: await response.Body.transformToString('utf8') });
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw accessErrorFor(error, `GetObject ${file}`);
    }
  }
  return sources;
}
