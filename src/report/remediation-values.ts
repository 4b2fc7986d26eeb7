/**
 * Remediation text is written once per check with placeholders (`BUCKET`, `REGION`, `ACCOUNT_ID`…); a report about
 * one resource fills in that resource's own values so the commands can be run as shown. `checks show` keeps them.
 */
import type { Result } from '../findings/result.ts';

/** The placeholder values a result's resource provides: its ARN, account, region, and the name its ARN holds. */
function valuesOf(result: Result): Map<string, string> {
  const { arn, region } = result.resource;
  const values = new Map<string, string>([['ARN', arn]]);
  if (result.accountId) values.set('ACCOUNT_ID', result.accountId);
  // a global resource (IAM, CloudFront) has no region to put in `--region REGION`: the placeholder stays
  if (region && region !== 'global') values.set('REGION', region);
  const [, , service = '', , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  const named = (prefix: string) => (resource.startsWith(prefix) ? resource.slice(prefix.length) : undefined);
  const byService: Record<string, [placeholder: string, value: string | undefined][]> = {
    s3: [['BUCKET', resource.includes('/') ? undefined : resource]],
    cloudtrail: [['TRAIL', named('trail/')]],
    ec2: [
      ['SG_ID', named('security-group/')],
      ['INSTANCE_ID', named('instance/')],
    ],
    iam: [['USER', named('user/')]],
  };
  for (const [placeholder, value] of byService[service] ?? []) if (value) values.set(placeholder, value);
  return values;
}

/**
 * The remediation of `result` with its resource's values in place of the placeholders. The values are data (a
 * hand-made snapshot can name a bucket anything): `escape` makes them safe for the output they land in.
 */
export function filledRemediation(
  result: Result,
  escape: (value: string) => string = (value) => value,
): Result['remediation'] {
  if (!result.remediation) return undefined;
  const values = valuesOf(result);
  const pattern = new RegExp(`\\b(${[...values.keys()].join('|')})\\b`, 'g');
  const fill = (text: string, quote: (value: string) => string = (value) => value) =>
    text.replace(pattern, (name) => escape(quote(values.get(name) ?? name)));
  return {
    terraform: fill(result.remediation.terraform),
    cli: fill(result.remediation.cli, shellWord),
    console: fill(result.remediation.console),
  };
}

/**
 * A value as one shell word: real names are plain, but a hand-made snapshot can name a bucket `x; rm -rf ~`, and the
 * command is there to be pasted into a shell.
 */
function shellWord(value: string): string {
  return /^[\w.,:/@%+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
