import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { defineService } from '../define-service.ts';
import { EFS_LISTINGS } from './schema.ts';

/** Amazon EFS evidence of one region: the file systems. */
export default defineService({
  name: 'efs',
  title: 'Amazon EFS',
  scope: 'regional',
  client: EFSClient,
  operations: {
    DescribeFileSystems: {
      command: DescribeFileSystemsCommand,
      input: () => ({ MaxItems: 100 }),
      pages: { input: 'Marker', output: 'NextMarker', items: ['FileSystems'], drop: ['Marker'] },
      response: EFS_LISTINGS.DescribeFileSystems,
      iam: ['elasticfilesystem:DescribeFileSystems'],
    },
  },
});
