/**
 * A small in-process cache with a time limit, for lookups every Slack request makes (who the
 * user is, which organization the workspace serves) so a busy workspace does not ask
 * PostgreSQL the same two questions on every command. Bounded: the oldest entry goes first.
 */
export class Memo<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  async get(key: string, load: () => Promise<V>, keep: (v: V) => boolean = () => true): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await load();
    if (keep(value)) {
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, until: Date.now() + this.ttlMs });
    }
    return value;
  }
}
