/** A CloudTrail StopLogging record by an IAM user (the alert the watch tests count), as CloudTrail delivers it. */
export function stopLogging(account: string, id: string, eventTime: string) {
  return {
    eventVersion: '1.08',
    eventTime,
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    eventID: id,
    recipientAccountId: account,
    userIdentity: { type: 'IAMUser', userName: 'mallory', arn: `arn:aws:iam::${account}:user/mallory` },
    requestParameters: { name: 'main-trail' },
  };
}
