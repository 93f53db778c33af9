/**
 * A fixed-window rate limit per key (client address and route group), in memory: enough
 * for one server process, which is how the portal runs on the embedded database.
 */
export class RateLimit {
  private readonly vinduer = new Map<string, { start: number; antal: number }>();

  constructor(
    private readonly max: number,
    private readonly vinduesMs: number,
  ) {}

  /** Counts one request; false when the key has used its quota in the current window. */
  tillad(key: string, now: number): boolean {
    const v = this.vinduer.get(key);
    // A window that starts in the future (a clock stepped back, the test clock) starts again now.
    if (!v || now < v.start || now - v.start >= this.vinduesMs) {
      if (this.vinduer.size > 10_000) this.ryd(now);
      this.vinduer.set(key, { start: now, antal: 1 });
      return true;
    }
    v.antal += 1;
    return v.antal <= this.max;
  }

  private ryd(now: number) {
    for (const [k, v] of this.vinduer) if (now < v.start || now - v.start >= this.vinduesMs) this.vinduer.delete(k);
  }
}
