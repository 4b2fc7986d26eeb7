// ai-services.yaml: Bedrock model access enabled, invocations with long-term keys, invocation probes, logging deleted.
import { alice, byService, describePack, expandCases } from './pack-cases.ts';
import { apiCall, appRole, failed, readOnlyCall, refused, ssoSession } from './records.ts';

type Json = Record<string, unknown>;
const BEDROCK = 'bedrock.amazonaws.com';
const MODEL = 'anthropic.claude-3-sonnet-20240229-v1:0';

/** InvokeModel and Converse are logged with the model id only; prompts and outputs never reach CloudTrail. */
const invoke = (name: string, identity: Json) =>
  apiCall({ source: BEDROCK, name, request: { modelId: MODEL }, response: null, readOnly: true, identity });

/** root with a long-term access key, as leaked keys of old accounts still are */
const rootKey: Json = {
  type: 'Root',
  principalId: '111122223333',
  arn: 'arn:aws:iam::111122223333:root',
  accountId: '111122223333',
  accessKeyId: 'AKIAIOSFODNN7ROOTKEY',
};
/** an IAM user signed in to the console (the playground): temporary credentials */
const consoleUser: Json = {
  ...alice,
  accessKeyId: 'ASIAEXAMPLECONSOLE01',
  sessionContext: { attributes: { creationDate: '2024-09-12T09:00:00Z', mfaAuthenticated: 'true' } },
};

const modelAccess = (name: string, request: Json | null, response: Json | null, identity: Json = appRole) =>
  apiCall({ source: BEDROCK, name, request, response, identity });

const validation = (record: Json) =>
  failed(
    record,
    'ValidationException',
    'Malformed input request: #/max_tokens_to_sample: -1 is not greater or equal to 1, please reformat your input and try again.',
  );

describePack(
  'ai-services.yaml',
  expandCases([
    {
      rule: 'Bedrock Model Access Enabled',
      fires: [
        [modelAccess('PutUseCaseForModelAccess', null, null), 'use case submitted by a role session'],
        [
          modelAccess(
            'CreateFoundationModelAgreement',
            { offerToken: '<offer token>', modelId: MODEL },
            { modelId: 'anthropic.claude-3-sonnet-20240229-v1' },
            alice,
          ),
          'agreement created with a user key',
        ],
        [
          modelAccess('PutFoundationModelEntitlement', { modelId: MODEL }, { status: 'SUCCESS' }, ssoSession),
          'entitlement put from the console by an SSO admin',
        ],
      ],
      quiet: [
        [
          readOnlyCall(BEDROCK, 'GetFoundationModelAvailability', { modelId: MODEL }, appRole),
          'read-only: availability checked',
        ],
        [
          readOnlyCall(BEDROCK, 'ListFoundationModelAgreementOffers', { modelId: MODEL }, appRole),
          'read-only: offers listed',
        ],
        [modelAccess('DeleteFoundationModelAgreement', { modelId: MODEL }, null), 'an agreement removed'],
      ],
    },
    {
      rule: 'Bedrock Model Invoked With Long-Term Access Key',
      fires: [
        [invoke('InvokeModel', alice), 'InvokeModel with an IAM user key'],
        [invoke('ConverseStream', alice), 'ConverseStream with an IAM user key'],
        [invoke('Converse', rootKey), 'Converse with a root access key'],
      ],
      quiet: [
        [invoke('InvokeModel', appRole), 'the application role'],
        [invoke('Converse', ssoSession), 'a federated SSO session'],
        [invoke('InvokeModel', consoleUser), 'an IAM user in the console playground (temporary credentials)'],
        [byService(invoke('InvokeModel', appRole), BEDROCK), 'a Bedrock agent invoking for the application'],
        [readOnlyCall(BEDROCK, 'ListFoundationModels', {}, alice), 'read-only: models listed with a user key'],
        [validation(invoke('InvokeModel', alice)), 'failed validation: nothing generated (the probe rule)'],
      ],
    },
    {
      rule: 'Bedrock Invocation Probe',
      attempt: true,
      fires: [
        [validation(invoke('InvokeModel', alice)), 'negative token limit: access confirmed without output'],
        [
          refused(invoke('InvokeModelWithResponseStream', appRole), 'AccessDeniedException'),
          'refused for want of permission',
        ],
        [validation(invoke('Converse', ssoSession)), 'from a federated session too'],
      ],
      quiet: [
        [invoke('InvokeModel', appRole), 'a successful invocation'],
        [
          failed(
            invoke('InvokeModel', appRole),
            'ThrottlingException',
            'Too many requests, please wait before trying again.',
          ),
          'the application throttled at its quota',
        ],
        [
          failed(
            invoke('Converse', appRole),
            'ModelTimeoutException',
            'Model has timed out in processing the request.',
          ),
          'a model timeout',
        ],
        [validation(byService(invoke('InvokeModel', appRole), BEDROCK)), 'a Bedrock agent passing a bad request'],
        [
          refused(readOnlyCall(BEDROCK, 'ListFoundationModels', {}, appRole), 'AccessDeniedException'),
          'listing refused: not an invocation',
        ],
      ],
    },
    {
      rule: 'Bedrock Model Invocation Logging Deleted',
      fires: [
        [
          apiCall({
            source: BEDROCK,
            name: 'DeleteModelInvocationLoggingConfiguration',
            request: null,
            response: null,
            identity: alice,
          }),
          'logging removed with a user key',
        ],
        [
          apiCall({
            source: BEDROCK,
            name: 'DeleteModelInvocationLoggingConfiguration',
            request: null,
            response: null,
            identity: ssoSession,
          }),
          'logging removed by an SSO admin',
        ],
      ],
      quiet: [
        [readOnlyCall(BEDROCK, 'GetModelInvocationLoggingConfiguration', {}, alice), 'read-only: configuration read'],
        [
          apiCall({
            source: BEDROCK,
            name: 'PutModelInvocationLoggingConfiguration',
            request: {
              loggingConfig: {
                s3Config: { bucketName: 'acme-bedrock-logs', keyPrefix: 'invocations/' },
                textDataDeliveryEnabled: true,
                imageDataDeliveryEnabled: true,
                embeddingDataDeliveryEnabled: true,
              },
            },
            response: null,
          }),
          'logging configured',
        ],
      ],
    },
  ]),
  ['aws.impact.bedrock-invoke-model'],
);
