import { appendAll, listing, regionsOf } from '../../model/normalise-regional.ts';
import { present } from '../../model/observed.ts';
import type { Gap } from '../../model/resource.ts';
import { defineServiceState, resourceArn, type NormaliseContext } from '../define-state.ts';
import type { EfsSection } from './schema.ts';

/** An EFS file system, ARN `arn:<partition>:elasticfilesystem:<region>:<account>:file-system/<id>`. */
export interface EfsFileSystem {
  kind: 'efs-file-system';
  arn: string;
  region: string;
  accountId: string;
  id: string;
  /** the `Name` tag, when set */
  name: string | undefined;
  encrypted: boolean;
  kmsKeyId: string | undefined;
}

export interface EfsState {
  fileSystems: EfsFileSystem[];
}

/** The file systems of every region; a failed DescribeFileSystems is a gap (its file systems' checks say unknown). */
function normaliseEfs(section: EfsSection, context: NormaliseContext): { state: EfsState; gaps: Gap[] } {
  const gaps: Gap[] = [];
  const state: EfsState = { fileSystems: [] };
  for (const region of regionsOf(section, context.regions)) {
    const listed = listing(
      section[region]?.DescribeFileSystems,
      { operation: 'efs:DescribeFileSystems', region },
      [context.hidden('efs-file-system', region)],
      gaps,
      (r) =>
        r.FileSystems.map((fs): EfsFileSystem => ({
          kind: 'efs-file-system',
          arn: fs.FileSystemArn ?? context.arn('efs-file-system', region, fs.FileSystemId),
          region,
          accountId: fs.OwnerId ?? context.accountId,
          id: fs.FileSystemId,
          name: fs.Name,
          encrypted: fs.Encrypted === true,
          kmsKeyId: fs.KmsKeyId,
        })),
    );
    appendAll(state.fileSystems, listed.items);
  }
  return { state, gaps };
}

/** Amazon EFS in the account state: `state.efs` (file systems of every region). */
export default defineServiceState({
  sections: ['efs'],
  normalise: (snapshot, context) => normaliseEfs(snapshot.efs ?? {}, context),
  resources: {
    'efs-file-system': {
      securityHubType: 'AwsEfsFileSystem',
      arn: resourceArn('elasticfilesystem', 'file-system'),
      of: (state: EfsState) => state.fileSystems,
    },
  },
  operations: {
    // the file system is its own evidence: a listing that failed hid it (a gap), one that answered named it
    'efs:DescribeFileSystems': { scope: 'efs-file-system', read: (_state: EfsState, fs: EfsFileSystem) => present(fs) },
  },
});
