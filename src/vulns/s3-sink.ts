import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { accessErrorFor, isRegionRedirect, redirectRegionOf } from '../aws/aws-errors.ts';
import type { S3Location } from './s3-url.ts';

/**
 * Uploads a finished report file. The report is written to a local temporary file first (so a
 * million findings stream to disk, not memory) and sent in one PUT with its length known.
 * A bucket in another region answers with a redirect naming its region; the PUT is sent there once.
 */
export async function uploadReport(
  s3For: (region: string) => S3Client,
  region: string,
  file: string,
  location: S3Location,
  contentType: string,
): Promise<void> {
  const { size } = await stat(file);
  const put = (client: S3Client) =>
    client.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        Key: location.key,
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  const operation = `s3:PutObject s3://${location.bucket}/${location.key}`;
  try {
    await put(s3For(region));
  } catch (error) {
    const other = isRegionRedirect(error) ? redirectRegionOf(error) : undefined;
    if (!other || other === region) throw accessErrorFor(error, operation);
    try {
      await put(s3For(other));
    } catch (retryError) {
      throw accessErrorFor(retryError, operation);
    }
  }
}
