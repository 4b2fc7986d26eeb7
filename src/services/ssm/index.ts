import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SSM_LISTINGS } from './schema.ts';
import { defineService } from '../define-service.ts';
import { nextTokenPages } from '../pagination.ts';

/** Systems Manager evidence of one region: which instances are registered, and whether their agent is online. */
export default defineService({
  name: 'ssm',
  title: 'AWS Systems Manager',
  scope: 'regional',
  client: SSMClient,
  operations: {
    DescribeInstanceInformation: {
      command: DescribeInstanceInformationCommand,
      // the largest page DescribeInstanceInformation accepts (5 to 50)
      input: () => ({ MaxResults: 50 }),
      pages: nextTokenPages('InstanceInformationList'),
      response: SSM_LISTINGS.DescribeInstanceInformation,
      iam: ['ssm:DescribeInstanceInformation'],
    },
  },
});
