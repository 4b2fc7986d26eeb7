import { GetPolicyCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { defineService } from '../define-service.ts';
import { LAMBDA_LISTINGS, LAMBDA_PER_RESOURCE } from './schema.ts';

/** AWS Lambda evidence of one region: the functions (latest versions) and each one's resource-based policy. */
export default defineService({
  name: 'lambda',
  title: 'AWS Lambda',
  scope: 'regional',
  client: LambdaClient,
  operations: {
    ListFunctions: {
      command: ListFunctionsCommand,
      input: () => ({ MaxItems: 50 }),
      pages: { input: 'Marker', output: 'NextMarker', items: ['Functions'] },
      response: LAMBDA_LISTINGS.ListFunctions,
      iam: ['lambda:ListFunctions'],
    },
    GetPolicy: {
      command: GetPolicyCommand,
      perResource: {
        after: ['ListFunctions'],
        targets: (answers) =>
          (
            (answers.ListFunctions as { Functions?: { FunctionName?: string; FunctionArn?: string }[] } | undefined)
              ?.Functions ?? []
          ).flatMap((f) => (f.FunctionArn ? [{ key: f.FunctionArn, input: { FunctionName: f.FunctionArn } }] : [])),
      },
      response: LAMBDA_PER_RESOURCE.GetPolicy,
      // a function nobody granted access to has no policy: GetPolicy answers ResourceNotFoundException
      notConfigured: ['ResourceNotFoundException'],
      iam: ['lambda:GetPolicy'],
    },
  },
});
