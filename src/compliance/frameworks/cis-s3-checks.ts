/** The checks that decide CIS's S3 recommendations: the same in every CIS version, whatever their number. */
export const CIS_S3_CHECKS = {
  denyHttp: ['s3-bucket-deny-insecure-transport'],
  mfaDelete: ['s3-bucket-mfa-delete-enabled'],
  // the benchmark audits both the bucket and the account setting
  blockPublicAccess: ['s3-bucket-public-access-block', 's3-account-public-access-block'],
};
