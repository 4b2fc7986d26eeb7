/** What a stored scan says about where it came from: who ran it and which evidence it read. */
import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Snapshot } from '../model/snapshot-schema.ts';

/** Who ran the scan, as the store records it. */
export function localUser(): string {
  let name = process.env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // a uid without a passwd entry (containers): the environment's USER is all there is
  }
  return `${name}@${hostname()}`;
}

/** sha256 of the snapshot the results came from, so that two scans of the same evidence can be recognised. */
export function snapshotDigest(snapshot: Snapshot): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(snapshot)).digest('hex')}`;
}
