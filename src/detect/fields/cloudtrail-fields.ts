/**
 * The cloudtrail plugin's fields (falcosecurity/plugins `plugins/cloudtrail`, v0.17), with its
 * semantics: a string field has no value (Falco's `<NA>`) when the JSON holds no string there.
 */
import { type FieldEvent, type FieldValue, isRecord, jsonText, pathIn, pathOf, stringAt, stringIn } from './event.ts';
import type { FieldEntry } from './spec.ts';

function str(description: string, ...keys: string[]): FieldEntry {
  return { type: 'string', description, raw: 'quoted', read: (ev) => stringIn(ev.record, keys) };
}

/** Fields that hold a whole JSON object or array (`ct.response`, `ct.resources`): compact JSON text. */
function json(description: string, ...keys: string[]): FieldEntry {
  return {
    type: 'string',
    description,
    read: (ev) => {
      const value = pathIn(ev.record, keys);
      return value === null ? undefined : jsonText(value);
    },
  };
}

const AMAZONAWS = '.amazonaws.com';

/** `ct.user`: who made the call, by identity type. */
function ctUser(record: unknown): string | undefined {
  const type = stringAt(record, 'userIdentity', 'type');
  switch (type) {
    case 'Root':
    case 'IAMUser':
      return stringAt(record, 'userIdentity', 'userName');
    case 'AWSService':
      return stringAt(record, 'userIdentity', 'invokedBy');
    case 'AssumedRole':
      return stringAt(record, 'userIdentity', 'sessionContext', 'sessionIssuer', 'userName') ?? 'AssumedRole';
    case 'AWSAccount':
      return 'AWSAccount';
    case 'FederatedUser':
      return 'FederatedUser';
    default:
      return undefined;
  }
}

// Calls whose names start with these change state; used only when a record has no readOnly flag.
const WRITE_PREFIXES = [
  'Start',
  'Stop',
  'Create',
  'Destroy',
  'Delete',
  'Add',
  'Remove',
  'Terminate',
  'Put',
  'Associate',
  'Disassociate',
  'Attach',
  'Detach',
  'Open',
  'Close',
  'Wipe',
  'Update',
  'Upgrade',
  'Unlink',
  'Assign',
  'Unassign',
  'Suspend',
  'Set',
  'Run',
  'Register',
  'Deregister',
  'Reboot',
  'Purchase',
  'Modify',
  'Initialize',
  'Enable',
  'Disable',
  'Cancel',
  'Admin',
  'Activate',
];

function ctReadonly(record: Record<string, unknown>): string | undefined {
  const flag = record.readOnly;
  if (flag === true) return 'true';
  if (flag !== undefined) return 'false';
  const name = record.eventName;
  if (typeof name !== 'string') return undefined;
  return WRITE_PREFIXES.some((prefix) => name.startsWith(prefix)) ? 'false' : 'true';
}

function bytes(record: unknown, key: string): number | undefined {
  const value = pathOf(record, 'additionalEventData', key);
  if (typeof value === 'number') return Math.max(0, Math.trunc(value));
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Math.max(0, Math.trunc(Number(value)));
  return undefined;
}

function s3Uri(record: unknown): string | undefined {
  const bucket = stringAt(record, 'requestParameters', 'bucketName');
  const key = stringAt(record, 'requestParameters', 'key');
  return bucket === undefined || key === undefined ? undefined : `s3://${bucket}/${key}`;
}

/** `ct.info`: "who via where → what", plus the bucket/key or host touched. */
export function ctInfo(record: Record<string, unknown>): string {
  const user = ctUser(record);
  if (user === undefined) return '<invalid cloudtrail event: userIdentity field missing>';
  const srcip = stringAt(record, 'sourceIPAddress');
  if (srcip === undefined) return '<invalid cloudtrail event: eventSource field missing>';
  const name = stringAt(record, 'eventName');
  if (name === undefined) return '<invalid cloudtrail event: eventName field missing>';
  const err = stringAt(record, 'errorCode') === undefined ? '' : '!';
  const arrow = ctReadonly(record) === 'false' ? '→' : '←';
  let info = user === srcip ? `${user} ${err}${arrow} ${name}` : `${user} via ${srcip} ${err}${arrow} ${name}`;
  if (name === 'PutBucketPublicAccessBlock') {
    const pab = pathOf(record, 'requestParameters', 'PublicAccessBlockConfiguration');
    if (isRecord(pab)) {
      const flag = (k: string) => pab[k] === true;
      info += ` BlockPublicAcls=${flag('BlockPublicAcls')} BlockPublicPolicy=${flag('BlockPublicPolicy')} IgnorePublicAcls=${flag('IgnorePublicAcls')} RestrictPublicBuckets=${flag('RestrictPublicBuckets')} `;
    }
    return info;
  }
  const inBytes = bytes(record, 'bytesTransferredIn');
  const outBytes = bytes(record, 'bytesTransferredOut');
  if (inBytes !== undefined || outBytes !== undefined) info += ` Size=${(inBytes ?? 0) + (outBytes ?? 0)}`;
  const uri = s3Uri(record);
  if (uri !== undefined) return `${info} URI=${uri}`;
  const bucket = stringAt(record, 'requestParameters', 'bucketName');
  if (bucket !== undefined) return `${info} Bucket=${bucket}`;
  const key = stringAt(record, 'requestParameters', 'key');
  if (key !== undefined) return `${info} Key=${key}`;
  const host = stringAt(record, 'requestParameters', 'Host');
  if (host !== undefined) return `${info} Host=${host}`;
  return info;
}

function ec2Name(record: unknown): string | undefined {
  const items = pathOf(record, 'requestParameters', 'tagSpecificationSet', 'items');
  if (!Array.isArray(items)) return undefined;
  for (const item of items) {
    if (!isRecord(item) || item.resourceType !== 'instance' || !Array.isArray(item.tags)) continue;
    for (const tag of item.tags) {
      if (isRecord(tag) && tag.key === 'Name' && typeof tag.value === 'string' && tag.value !== '') return tag.value;
    }
  }
  return undefined;
}

function ec2ImageId(record: unknown): string | undefined {
  const items = pathOf(record, 'responseElements', 'instancesSet', 'items');
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const id = stringAt(items[0], 'imageId');
  return id === '' ? undefined : id;
}

function readFlag(ev: FieldEvent, key: string): FieldValue {
  return ev.record[key] === true ? 'true' : 'false';
}

export const CLOUDTRAIL_FIELDS: Record<string, FieldEntry> = {
  'ct.id': str('the unique ID of the cloudtrail event (eventID in the json).', 'eventID'),
  'ct.error': str('the error code from the event (errorCode); no value if there was no error.', 'errorCode'),
  'ct.errormessage': str('the description of an error (errorMessage); no value if there was no error.', 'errorMessage'),
  'ct.time': str('the timestamp of the cloudtrail event (eventTime in the json).', 'eventTime'),
  'ct.src': str('the source of the cloudtrail event (eventSource in the json).', 'eventSource'),
  'ct.shortsrc': {
    type: 'string',
    raw: 'contained',
    description: "the source of the cloudtrail event (eventSource in the json, without the '.amazonaws.com' trailer).",
    read: (ev) => {
      const src = stringAt(ev.record, 'eventSource');
      return src !== undefined && src.length > AMAZONAWS.length && src.endsWith(AMAZONAWS)
        ? src.slice(0, -AMAZONAWS.length)
        : src;
    },
  },
  'ct.name': str('the name of the cloudtrail event (eventName in the json).', 'eventName'),
  'ct.user': {
    type: 'string',
    // a userName, invokedBy or session issuer string, or the identity type itself: always a JSON string of the record
    raw: 'quoted',
    description:
      'the user of the cloudtrail event: userName for Root and IAMUser, invokedBy for AWSService, the session issuer for AssumedRole.',
    read: (ev) => ctUser(ev.record),
  },
  'ct.user.accountid': str(
    'the account id of the user of the cloudtrail event (userIdentity.accountId).',
    'userIdentity',
    'accountId',
  ),
  'ct.user.identitytype': str(
    'the kind of user identity (e.g. Root, IAMUser, AWSService, AssumedRole).',
    'userIdentity',
    'type',
  ),
  'ct.user.principalid': str('a unique identifier for the user that made the request.', 'userIdentity', 'principalId'),
  'ct.user.arn': str('the Amazon Resource Name (ARN) of the user that made the request.', 'userIdentity', 'arn'),
  'ct.region': str('the region of the cloudtrail event (awsRegion in the json).', 'awsRegion'),
  'ct.response.subnetid': str('the subnet ID included in the response.', 'responseElements', 'subnetId'),
  'ct.response.reservationid': str('the reservation ID included in the response.', 'responseElements', 'reservationId'),
  'ct.response': json('all response elements, as JSON.', 'responseElements'),
  'ct.request.availabilityzone': str(
    'the availability zone included in the request.',
    'requestParameters',
    'availabilityZone',
  ),
  'ct.request.cluster': str('the cluster included in the request.', 'requestParameters', 'cluster'),
  'ct.request.functionname': str('the function name included in the request.', 'requestParameters', 'functionName'),
  'ct.request.groupname': str('the group name included in the request.', 'requestParameters', 'groupName'),
  'ct.request.host': str('the host included in the request.', 'requestParameters', 'Host'),
  'ct.request.name': str('the name of the entity being acted on in the request.', 'requestParameters', 'name'),
  'ct.request.policy': str('the policy included in the request.', 'requestParameters', 'policy'),
  'ct.request.serialnumber': str('the serial number provided in the request.', 'requestParameters', 'serialNumber'),
  'ct.request.servicename': str('the service name provided in the request.', 'requestParameters', 'serviceName'),
  'ct.request.subnetid': str('the subnet ID provided in the request.', 'requestParameters', 'subnetId'),
  'ct.request.taskdefinition': str(
    'the task definition provided in the request.',
    'requestParameters',
    'taskDefinition',
  ),
  'ct.request.username': str('the username provided in the request.', 'requestParameters', 'userName'),
  'ct.request': json('all request parameters, as JSON.', 'requestParameters'),
  'ct.srcip': str('the IP address generating the event (sourceIPAddress in the json).', 'sourceIPAddress'),
  'ct.useragent': str('the user agent generating the event (userAgent in the json).', 'userAgent'),
  'ct.info': {
    type: 'string',
    description:
      'summary information about the event: who, from where, read (←) or write (→), ! on error, and the bucket/key or host.',
    read: (ev) => ctInfo(ev.record),
  },
  'ct.managementevent': {
    type: 'string',
    description: "'true' if the event is a management event, 'false' otherwise.",
    read: (ev) => readFlag(ev, 'managementEvent'),
  },
  'ct.readonly': {
    type: 'string',
    description:
      "'true' if the event only reads information, 'false' if it modifies state (guessed from the event name when readOnly is absent).",
    read: (ev) => ctReadonly(ev.record),
  },
  'ct.requestid': str('the value that identifies the request (requestID).', 'requestID'),
  'ct.eventtype': str('the type of event that generated the event record (eventType).', 'eventType'),
  'ct.apiversion': str('the API version associated with the AwsApiCall eventType value.', 'apiVersion'),
  'ct.resources': json('the list of resources accessed in the event, as JSON.', 'resources'),
  'ct.recipientaccountid': str('the account ID that received this event.', 'recipientAccountId'),
  'ct.serviceeventdetails': json(
    'the service event, including what triggered the event and the result, as JSON.',
    'serviceEventDetails',
  ),
  'ct.sharedeventid': str('GUID generated by CloudTrail to uniquely identify CloudTrail events.', 'sharedEventID'),
  'ct.vpcendpointid': str('the VPC endpoint in which requests were made.', 'vpcEndpointId'),
  'ct.eventcategory': str('the event category used in LookupEvents calls (eventCategory).', 'eventCategory'),
  'ct.addendum.reason': str('the reason that the event or some of its contents were missing.', 'addendum', 'reason'),
  'ct.addendum.updatedfields': str(
    'the event record fields that are updated by the addendum.',
    'addendum',
    'updatedFields',
  ),
  'ct.addendum.originalrequestid': str('the original unique ID of the request.', 'addendum', 'originalRequestID'),
  'ct.addendum.originaleventid': str('the original event ID.', 'addendum', 'originalEventID'),
  'ct.sessioncredentialfromconsole': str(
    'whether or not an event originated from an AWS Management Console session.',
    'sessionCredentialFromConsole',
  ),
  'ct.edgedevicedetails': json(
    'information about edge devices that are targets of a request, as JSON.',
    'edgeDeviceDetails',
  ),
  'ct.tlsdetails.tlsversion': str('the TLS version of a request.', 'tlsDetails', 'tlsVersion'),
  'ct.tlsdetails.ciphersuite': str('the cipher suite of a request.', 'tlsDetails', 'cipherSuite'),
  'ct.tlsdetails.clientprovidedhostheader': str(
    'the client-provided host name used in the service API call.',
    'tlsDetails',
    'clientProvidedHostHeader',
  ),
  'ct.additionaleventdata': json('all additional event data attributes, as JSON.', 'additionalEventData'),
  's3.uri': { type: 'string', description: 'the s3 URI (s3://<bucket>/<key>).', read: (ev) => s3Uri(ev.record) },
  's3.bucket': str('the bucket name for s3 events (requestParameters.bucketName).', 'requestParameters', 'bucketName'),
  's3.key': str('the S3 key name (requestParameters.key).', 'requestParameters', 'key'),
  's3.bytes': {
    type: 'uint64',
    description: 'the size of an s3 download or upload, in bytes.',
    read: (ev) => {
      const i = bytes(ev.record, 'bytesTransferredIn');
      const o = bytes(ev.record, 'bytesTransferredOut');
      return i === undefined && o === undefined ? undefined : (i ?? 0) + (o ?? 0);
    },
  },
  's3.bytes.in': {
    type: 'uint64',
    description: 'the size of an s3 upload, in bytes.',
    read: (ev) => bytes(ev.record, 'bytesTransferredIn'),
  },
  's3.bytes.out': {
    type: 'uint64',
    description: 'the size of an s3 download, in bytes.',
    read: (ev) => bytes(ev.record, 'bytesTransferredOut'),
  },
  's3.cnt.get': {
    type: 'uint64',
    description: 'the number of get operations: 1 for GetObject events, 0 otherwise.',
    read: (ev) => (ev.record.eventName === 'GetObject' ? 1 : 0),
  },
  's3.cnt.put': {
    type: 'uint64',
    description: 'the number of put operations: 1 for PutObject events, 0 otherwise.',
    read: (ev) => (ev.record.eventName === 'PutObject' ? 1 : 0),
  },
  's3.cnt.other': {
    type: 'uint64',
    description: 'the number of non I/O operations: 0 for GetObject and PutObject events, 1 for all the other events.',
    read: (ev) => (ev.record.eventName === 'GetObject' || ev.record.eventName === 'PutObject' ? 0 : 1),
  },
  'ec2.name': {
    type: 'string',
    description: 'the name of the ec2 instance, from its Name tag in the request.',
    read: (ev) => ec2Name(ev.record),
  },
  'ec2.imageid': {
    type: 'string',
    description: 'the ID of the image used to run the ec2 instance, from the response.',
    read: (ev) => ec2ImageId(ev.record),
  },
  'ecr.repository': str(
    'the name of the ecr repository specified in the request.',
    'requestParameters',
    'repositoryName',
  ),
  'ecr.imagetag': str('the tag of the image specified in the request.', 'requestParameters', 'imageTag'),
};
