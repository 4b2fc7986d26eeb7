import type { CodeResource } from '../code-resource.ts';
import type { IacEvidence } from '../evidence.ts';
import type { SourceSpan, Value } from '../values.ts';
import { regionEntry } from './regional.ts';

export const EFS_OPERATIONS = ['efs:DescribeFileSystems'] as const;

/** A file system the code creates. */
export interface FileSystemDraft {
  resource: CodeResource;
  id: string;
  encrypted: Value;
  kmsKeyId?: Value;
  /** where `encrypted` was written, else the resource */
  span: SourceSpan;
}

/** DescribeFileSystems as EFS would answer it for these file systems. */
export function writeEfs(systems: FileSystemDraft[], region: string, evidence: IacEvidence): void {
  if (systems.length === 0) return;
  const entry = regionEntry(evidence, 'efs', region);
  entry.DescribeFileSystems = {
    FileSystems: systems.map((fs) => {
      const arn = `arn:aws:elasticfilesystem:${region}:${evidence.accountId}:file-system/${fs.id}`;
      evidence.declareCode(arn, fs.resource);
      evidence.source(arn, 'efs:DescribeFileSystems', fs.span);
      return evidence.listed(arn, 'efs:DescribeFileSystems', {
        FileSystemId: fs.id,
        FileSystemArn: arn,
        OwnerId: evidence.accountId,
        LifeCycleState: 'available',
        Encrypted: fs.encrypted,
        ...(typeof fs.kmsKeyId === 'string' ? { KmsKeyId: fs.kmsKeyId } : {}),
      });
    }),
  };
}
