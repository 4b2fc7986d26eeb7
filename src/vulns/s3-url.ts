import { UserError } from '../errors.ts';

export interface S3Location {
  bucket: string;
  key: string;
}

/**
 * `s3://bucket/prefix/` (a generated file name is added) or `s3://bucket/key.csv` (used as is).
 * `fileName` is the generated name for the prefix form.
 */
export function parseS3Url(url: string, fileName: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match?.[1])
    throw new UserError(`"${url}" is not an S3 URL (s3://bucket/prefix/ or s3://bucket/key)`, { field: '--output' });
  const rest = match[2] ?? '';
  return { bucket: match[1], key: rest === '' || rest.endsWith('/') ? `${rest}${fileName}` : rest };
}

/** `inspector-findings-2026-11-23T06-00-00Z.csv`: sortable, and safe in any key. */
export function reportFileName(now: Date, extension: string): string {
  return `inspector-findings-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.${extension}`;
}
