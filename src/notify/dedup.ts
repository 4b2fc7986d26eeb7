/**
 * De-duplication by fingerprint within a suppression window, per sink. A duplicate is not dropped blindly: it
 * shares the first one's fate (its `accepted` promise), and when the first one was not delivered its fingerprint is
 * forgotten, so the next copy is sent.
 */
export interface DedupEntry {
  until: number;
  accepted: Promise<boolean>;
}

/** entries kept before expired ones are swept: memory stays bounded on a months-long run */
const SWEEP_AT = 100_000;

export class Deduper {
  private readonly seen = new Map<string, DedupEntry>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** The earlier copy's fate when `fingerprint` was notified within the window; undefined when this one is new. */
  earlier(fingerprint: string): Promise<boolean> | undefined {
    if (this.windowMs <= 0) return undefined;
    const entry = this.seen.get(fingerprint);
    if (entry && this.now() < entry.until) return entry.accepted;
    return undefined;
  }

  remember(fingerprint: string, accepted: Promise<boolean>): void {
    if (this.windowMs <= 0) return;
    if (this.seen.size >= SWEEP_AT) this.sweep();
    const entry = { until: this.now() + this.windowMs, accepted };
    this.seen.set(fingerprint, entry);
    void accepted.then((ok) => {
      if (!ok && this.seen.get(fingerprint) === entry) this.seen.delete(fingerprint);
    });
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.seen) if (entry.until <= now) this.seen.delete(key);
    // still full of live entries: forget the oldest (a duplicate may then get through: never a loss)
    while (this.seen.size >= SWEEP_AT) this.seen.delete(this.seen.keys().next().value as string);
  }
}
