/**
 * The latest revision of each family among task definition ARNs (`…:task-definition/<family>:<revision>`):
 * collection and normaliser must agree on which revisions are judged.
 */
export function latestRevisions(arns: readonly string[]): string[] {
  const latest = new Map<string, { arn: string; revision: number }>();
  for (const arn of arns) {
    const match = /task-definition\/(.+):(\d+)$/.exec(arn);
    if (!match) continue;
    const [, family, revision] = match as unknown as [string, string, string];
    const current = latest.get(family);
    if (current === undefined || Number(revision) > current.revision)
      latest.set(family, { arn, revision: Number(revision) });
  }
  return [...latest.values()].map((l) => l.arn);
}
