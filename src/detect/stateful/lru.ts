/**
 * A Map that forgets its least recently touched key beyond `cap`: the bound on a stateful rule's memory
 * whatever the input (keys come from events, so an attacker could make up as many as they like).
 */
export class LruMap<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly cap: number) {}

  get size(): number {
    return this.map.size;
  }

  /** the value, made the most recently used */
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** the value, its recency unchanged: for a caller that sets the key right after (set makes it the most recent) */
  peek(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  /** least recently used first, the order a saved state is read back in */
  entries(): IterableIterator<[string, V]> {
    return this.map.entries();
  }
}
