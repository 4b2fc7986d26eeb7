import {
  ACCOUNT,
  byService,
  cloudTrailRecord,
  describePack,
  OTHER_ACCOUNT,
  readOnly,
  stratusRecord,
} from './pack-cases.ts';

const fn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:invoice-render`;

function addPermission(params: Record<string, unknown>, eventName = 'AddPermission20150331v2') {
  const statement = {
    Sid: params.statementId,
    Effect: 'Allow',
    Principal: params.principal === '*' ? '*' : { AWS: params.principal },
    Action: params.action,
    Resource: fn,
  };
  return cloudTrailRecord(
    'lambda.amazonaws.com',
    eventName,
    { functionName: 'invoice-render', ...params },
    { statement: JSON.stringify(statement) },
  );
}

const toOtherAccount = addPermission({
  statementId: 'partner',
  action: 'lambda:InvokeFunction',
  principal: OTHER_ACCOUNT,
});
const publicUrl = addPermission(
  { statementId: 'url', action: 'lambda:InvokeFunctionUrl', principal: '*', functionUrlAuthType: 'NONE' },
  'AddPermission20150331',
);
const fromOwnBucket = addPermission({
  statementId: 's3-invoke',
  action: 'lambda:InvokeFunction',
  principal: 's3.amazonaws.com',
  sourceArn: 'arn:aws:s3:::acme-uploads',
  sourceAccount: ACCOUNT,
});
const fromOtherAccountsBucket = addPermission({
  statementId: 's3-invoke',
  action: 'lambda:InvokeFunction',
  principal: 's3.amazonaws.com',
  sourceArn: 'arn:aws:s3:::partner-uploads',
  sourceAccount: OTHER_ACCOUNT,
});
const ownAccount = addPermission({
  statementId: 'ops',
  action: 'lambda:InvokeFunction',
  principal: `arn:aws:iam::${ACCOUNT}:role/ops`,
});
const orgOnly = addPermission({
  statementId: 'org',
  action: 'lambda:InvokeFunction',
  principal: '*',
  principalOrgID: 'o-a1b2c3d4e5',
});

const configResponse = {
  functionName: 'invoice-render',
  functionArn: fn,
  runtime: 'python3.12',
  state: 'Active',
  lastUpdateStatus: 'InProgress',
};
const withLayer = cloudTrailRecord(
  'lambda.amazonaws.com',
  'UpdateFunctionConfiguration20150331v2',
  { functionName: 'invoice-render', layers: [`arn:aws:lambda:us-east-1:${OTHER_ACCOUNT}:layer:telemetry-ext:3`] },
  {
    ...configResponse,
    layers: [{ arn: `arn:aws:lambda:us-east-1:${OTHER_ACCOUNT}:layer:telemetry-ext:3`, codeSize: 2120 }],
  },
);
const memoryOnly = cloudTrailRecord(
  'lambda.amazonaws.com',
  'UpdateFunctionConfiguration20150331v2',
  { functionName: 'invoice-render', memorySize: 512 },
  configResponse,
);
const layersRemoved = cloudTrailRecord(
  'lambda.amazonaws.com',
  'UpdateFunctionConfiguration20150331v2',
  { functionName: 'invoice-render', layers: [] },
  configResponse,
);

const newCode = cloudTrailRecord(
  'lambda.amazonaws.com',
  'UpdateFunctionCode20150331v2',
  { functionName: fn, publish: true, dryRun: false },
  { ...configResponse, codeSha256: 'Pt1c8vVaBygmNtAeSyjlpdy7r8nHRqJAAL++HEGlQkc=', version: '7' },
);

describePack('lambda.yaml', [
  {
    rule: 'Lambda Function Opened To Another Account Or Anyone',
    fires: toOtherAccount,
    quiet: [
      [fromOwnBucket, 'S3 of this account may invoke'],
      [ownAccount, 'a role of the same account'],
      [orgOnly, 'anyone in the organization (principalOrgID)'],
      [readOnly(toOtherAccount, 'GetPolicy20150331v2'), 'read-only call'],
    ],
  },
  { rule: 'Lambda Function Opened To Another Account Or Anyone', fires: publicUrl, quiet: [] },
  { rule: 'Lambda Function Opened To Another Account Or Anyone', fires: fromOtherAccountsBucket, quiet: [] },
  {
    rule: 'Lambda Function Opened To Another Account Or Anyone',
    fires: stratusRecord('aws.persistence.lambda-backdoor-function', 'AddPermission20150331v2'),
    quiet: [],
  },
  {
    rule: 'Lambda Layer Added To Function',
    fires: withLayer,
    quiet: [
      [memoryOnly, 'memory size changed'],
      [layersRemoved, 'layers removed'],
      [byService(withLayer), 'a CloudFormation stack deploying the layer'],
      [readOnly(withLayer, 'GetFunctionConfiguration20150331v2'), 'read-only call'],
    ],
  },
  {
    rule: 'Lambda Layer Added To Function',
    fires: stratusRecord('aws.persistence.lambda-layer-extension', 'UpdateFunctionConfiguration20150331v2'),
    quiet: [],
  },
  {
    rule: 'Lambda Function Code Replaced',
    fires: newCode,
    quiet: [
      [byService(newCode), 'a CloudFormation deployment'],
      [readOnly(newCode, 'GetFunction20150331v2'), 'read-only call'],
      [
        { ...newCode, eventName: 'UpdateFunctionCode20150331v2', eventSource: 'apigateway.amazonaws.com' },
        "another service's call of the same name",
      ],
    ],
  },
  {
    rule: 'Lambda Function Code Replaced',
    fires: stratusRecord('aws.persistence.lambda-overwrite-code', 'UpdateFunctionCode20150331v2'),
    quiet: [],
  },
]);
