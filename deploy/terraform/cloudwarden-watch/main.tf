# The queue `cloudwarden watch --queue sqs://…` consumes, wired to a CloudTrail bucket in one of the three ways
# `detect` and `watch` read (docs/deploy.md), and the work queue of the organization fan-out.
# Queues and the topic are encrypted with SQS/SNS-managed keys; every queue has a dead-letter queue.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  trail_bucket_arn = "arn:${data.aws_partition.current.partition}:s3:::${var.trail_bucket}"
  use_s3           = var.delivery == "s3" ? 1 : 0
  use_sns          = var.delivery == "sns" ? 1 : 0
  use_eventbridge  = var.delivery == "eventbridge" ? 1 : 0
}

resource "aws_sqs_queue" "events_dlq" {
  name                      = "${var.name}-trail-events-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "events" {
  name                       = "${var.name}-trail-events"
  visibility_timeout_seconds = 300
  message_retention_seconds  = 345600
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.events_dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
}

# Who may send to the queue: S3 for the trail bucket, the topic, or the EventBridge rule; nobody else.
data "aws_iam_policy_document" "events_queue" {
  statement {
    sid       = "S3Notifications"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.events.arn]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_bucket_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
  statement {
    sid       = "TopicOrRule"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.events.arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com", "events.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy    = data.aws_iam_policy_document.events_queue.json
}

# delivery = "s3": S3 event notifications straight to the queue
resource "aws_s3_bucket_notification" "direct" {
  count  = local.use_s3
  bucket = var.trail_bucket
  queue {
    queue_arn     = aws_sqs_queue.events.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = "AWSLogs/"
  }
  depends_on = [aws_sqs_queue_policy.events]
}

# delivery = "sns": a topic (name it in the trail's SnsTopicName, or subscribe the queue to an existing one)
resource "aws_sns_topic" "trail" {
  count             = local.use_sns
  name              = "${var.name}-trail-files"
  kms_master_key_id = "alias/aws/sns"
}

data "aws_iam_policy_document" "trail_topic" {
  count = local.use_sns
  statement {
    sid       = "CloudTrailPublishes"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.trail[0].arn]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "trail" {
  count  = local.use_sns
  arn    = aws_sns_topic.trail[0].arn
  policy = data.aws_iam_policy_document.trail_topic[0].json
}

resource "aws_sns_topic_subscription" "trail" {
  count     = local.use_sns
  topic_arn = aws_sns_topic.trail[0].arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.events.arn
}

# delivery = "eventbridge": the bucket sends its events to EventBridge, a rule forwards Object Created
resource "aws_s3_bucket_notification" "eventbridge" {
  count       = local.use_eventbridge
  bucket      = var.trail_bucket
  eventbridge = true
}

resource "aws_cloudwatch_event_rule" "trail_files" {
  count       = local.use_eventbridge
  name        = "${var.name}-trail-files"
  description = "New CloudTrail log files for cloudwarden watch"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = { name = [var.trail_bucket] }
      object = { key = [{ prefix = "AWSLogs/" }] }
    }
  })
}

resource "aws_cloudwatch_event_target" "trail_files" {
  count = local.use_eventbridge
  rule  = aws_cloudwatch_event_rule.trail_files[0].name
  arn   = aws_sqs_queue.events.arn
}

# The organization fan-out: one message per account, `cloudwarden worker` processes
resource "aws_sqs_queue" "org_scan_dlq" {
  count                     = var.org_scan_queue ? 1 : 0
  name                      = "${var.name}-org-scan-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "org_scan" {
  count                      = var.org_scan_queue ? 1 : 0
  name                       = "${var.name}-org-scan"
  visibility_timeout_seconds = 300
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.org_scan_dlq[0].arn
    maxReceiveCount     = var.max_receive_count
  })
}

# What the process running `cloudwarden watch` needs beyond the read-only scan policy of `cloudwarden permissions`
data "aws_iam_policy_document" "watch" {
  statement {
    sid    = "ConsumeTheQueue"
    effect = "Allow"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
    ]
    resources = concat([aws_sqs_queue.events.arn], aws_sqs_queue.org_scan[*].arn)
  }
  statement {
    sid       = "ReadTheTrail"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${local.trail_bucket_arn}/AWSLogs/*"]
  }
}

resource "aws_iam_policy" "watch" {
  name        = "${var.name}-watch"
  description = "cloudwarden watch and worker: consume the queues and read the CloudTrail log files"
  policy      = data.aws_iam_policy_document.watch.json
}
