import type { CorsRule } from '../../services/s3/model.ts';
import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

const WRITE_METHODS = ['PUT', 'POST', 'DELETE'];

/** `*`, or a scheme followed by nothing but `*`: both match every web page. */
function isWildcardOrigin(origin: string): boolean {
  return /^(https?:\/\/)?\*$/i.test(origin.trim());
}

function wildcardRules(rules: readonly CorsRule[]): CorsRule[] {
  return rules.filter((r) => r.allowedOrigins.some(isWildcardOrigin));
}

export default defineCheck({
  id: 's3-bucket-cors-no-wildcard-origin',
  aliases: [],
  service: 's3',
  resource: 's3-bucket',
  severity: 'medium',
  title: 'S3 bucket CORS does not let every website write or delete',
  description:
    "CORS decides which web pages' scripts may call the bucket from a visitor's browser. An AllowedOrigin of `*` with PUT, POST or DELETE lets a script on any website upload, overwrite or delete objects with whatever access the visitor's browser has: a pre-signed URL it was handed, or a bucket policy that trusts a source IP range or VPC endpoint instead of credentials. That fails. `*` with only GET and HEAD is common for public assets (fonts, images behind a CDN) and passes with a note: it still lets any page read what the visitor can reach, which matters when the policy grants access by network location. Name the sites that need access instead of `*`.",
  remediation: {
    terraform: `resource "aws_s3_bucket_cors_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  cors_rule {
    allowed_origins = ["https://app.example.com"]
    allowed_methods = ["GET", "PUT"]
    allowed_headers = ["*"]
    max_age_seconds = 3000
  }
}`,
    cli: `# replaces the whole CORS configuration
aws s3api put-bucket-cors --bucket BUCKET --cors-configuration \\
  '{"CORSRules":[{"AllowedOrigins":["https://app.example.com"],"AllowedMethods":["GET","PUT"],"AllowedHeaders":["*"],"MaxAgeSeconds":3000}]}'`,
    console:
      'S3 console > Buckets > BUCKET > Permissions > Cross-origin resource sharing (CORS) > Edit: replace "*" in AllowedOrigins with the exact origins (scheme and host) that need access > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html',
  ],
  needs: ['s3:GetBucketCors'],
  triggers: ['PutBucketCors', 'DeleteBucketCors'],
  evaluate(bucket) {
    const rules = known(bucket.cors);
    if (rules === null || rules.length === 0) return pass('no CORS configuration');
    const wildcard = wildcardRules(rules);
    const writes = [
      ...new Set(
        wildcard.flatMap((r) => r.allowedMethods.map((m) => m.toUpperCase()).filter((m) => WRITE_METHODS.includes(m))),
      ),
    ];
    if (writes.length > 0) {
      return fail(
        `CORS allows every origin (*) to ${writes.join(', ')}: any website can write with its visitors' access`,
      );
    }
    if (wildcard.length > 0) {
      return pass(
        'CORS allows every origin (*) to read only (GET/HEAD): fine for public content; any website can read what its visitors can reach, so do not combine it with source-IP or VPC endpoint grants',
      );
    }
    return pass(`CORS allows ${[...new Set(rules.flatMap((r) => r.allowedOrigins))].join(', ')}`);
  },
});
