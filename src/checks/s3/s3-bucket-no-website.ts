import { defineCheck, fail, pass } from '../define-check.ts';
import { known } from '../read.ts';

export default defineCheck({
  id: 's3-bucket-no-website',
  aliases: [],
  service: 's3',
  resource: 's3-bucket',
  severity: 'info',
  title: 'S3 bucket does not host a static website',
  description:
    'A static website endpoint serves objects over plain HTTP to anyone, which only works when the content is public. That is intended for a public site, but a website configuration on any other bucket is a sign that it is, or was, meant to be public. CloudFront with Origin Access Control serves the same content over HTTPS from a private bucket.',
  remediation: {
    terraform: `# remove the aws_s3_bucket_website_configuration resource and serve the content
# through CloudFront with Origin Access Control instead
resource "aws_cloudfront_origin_access_control" "this" {
  name                              = "BUCKET"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}`,
    cli: 'aws s3api delete-bucket-website --bucket BUCKET',
    console: 'S3 console > Buckets > BUCKET > Properties > Static website hosting > Edit > Disable > Save changes.',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html',
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  ],
  needs: ['s3:GetBucketWebsite'],
  triggers: ['PutBucketWebsite', 'DeleteBucketWebsite'],
  evaluate(bucket) {
    const website = known(bucket.website);
    if (website === null) return pass('static website hosting is off');
    if (website.redirectAllRequestsTo) {
      return fail(`static website hosting is on, redirecting every request to ${website.redirectAllRequestsTo}`);
    }
    return fail(`static website hosting is on (index document ${website.indexDocument ?? 'not set'})`);
  },
});
