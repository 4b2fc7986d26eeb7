variable "project_name" {
  default = "cloudwarden-example"
}

variable "env" {
  default = "dev"
}

locals {
  prefix = "${var.project_name}-${var.env}"
}

resource "aws_s3_bucket" "image" {
  bucket = "${local.prefix}-images"
}

resource "aws_s3_bucket_policy" "image" {
  bucket = aws_s3_bucket.image.id
  policy = data.aws_iam_policy_document.static.json
}

data "aws_iam_policy_document" "static" {
  statement {
    sid    = "AllowCloudFront"
    effect = "Allow"
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.image.arn}/*"]
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.prefix}-logs"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "bastion" {
  name        = "${local.prefix}-bastion"
  description = "bastion host"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_kms_key" "logs" {
  description = "logs bucket key"
}
