/**
 * A small in-process cache for answers that every request needs and that rarely change (who the
 * session belongs to, which focus area an approach has for a user). Entries live at most `ttlMs`
 * (monotonic clock) or until their own deadline, whichever comes first; `clear()` and `delete()`
 * drop them at once when this process makes a change. Another instance's change reaches it through
 * cluster-events.ts (decision 0901); while those cannot be heard, `isEnabled` says so and nothing is kept.
 * Bounded: beyond `maxEntries` the oldest entry goes (insertion order).
 */
export class ShortCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = () => performance.now(),
    private readonly isEnabled: () => boolean = () => true,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `lifetimeMs` shortens the entry's life below the cache's TTL (never lengthens it). */
  set(key: string, value: V, lifetimeMs = Number.POSITIVE_INFINITY): void {
    const life = Math.min(this.ttlMs, lifetimeMs);
    if (!(life > 0) || !this.isEnabled()) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: this.now() + life });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
