variable "name" {
  description = "Prefix of every resource this module creates."
  type        = string
  default     = "cloudwarden"
}

variable "trail_bucket" {
  description = "Name of the existing S3 bucket CloudTrail delivers its log files to."
  type        = string
}

variable "delivery" {
  description = "How new log files reach the queue: s3 (S3 event notifications straight to SQS), sns (through an SNS topic, e.g. CloudTrail's own SnsTopicName), or eventbridge (S3 -> EventBridge 'Object Created' -> SQS)."
  type        = string
  default     = "s3"
  validation {
    condition     = contains(["s3", "sns", "eventbridge"], var.delivery)
    error_message = "delivery must be s3, sns or eventbridge."
  }
}

variable "org_scan_queue" {
  description = "Also create the work queue of `scan aws --org --queue` and `cloudwarden worker`."
  type        = bool
  default     = true
}

variable "max_receive_count" {
  description = "Receives before a message moves to the dead-letter queue (a poison message or an outage of every sink)."
  type        = number
  default     = 5
}
