/**
 * Work that goes on after the platform got its answer: a slash command acked "Working on it…"
 * whose result still has to reach the response_url, a charge behind an approval button, a Teams
 * card updated after the invoke's deadline. Adapters hand such work to `track`; on shutdown the
 * process waits for `idle()` before it closes the database.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Keeps `work` in the set until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const p: Promise<unknown> = work.then(
      () => this.running.delete(p),
      () => this.running.delete(p),
    );
    this.running.add(p);
    return work;
  }

  get size() {
    return this.running.size;
  }

  /** Resolves once nothing is running, including work that started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
