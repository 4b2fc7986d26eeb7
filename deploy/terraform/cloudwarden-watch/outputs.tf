output "queue_url" {
  description = "Give it to cloudwarden watch as --queue sqs://<this URL>."
  value       = aws_sqs_queue.events.id
}

output "org_scan_queue_url" {
  description = "The queue of scan aws --org --queue and cloudwarden worker (null when org_scan_queue is false)."
  value       = var.org_scan_queue ? aws_sqs_queue.org_scan[0].id : null
}

output "sns_topic_arn" {
  description = "With delivery = sns: name this topic in the trail (SnsTopicName)."
  value       = var.delivery == "sns" ? aws_sns_topic.trail[0].arn : null
}

output "watch_policy_arn" {
  description = "Attach to the role cloudwarden watch runs as, beside the read-only scan policy."
  value       = aws_iam_policy.watch.arn
}
