/**
 * A first-come queue for one shared resource (SQLite's one connection per process): `koer`
 * runs its work when everything queued before it has finished.
 */
export class Koe {
  #optaget = false;
  #venter: (() => void)[] = [];

  /** True when nothing holds the queue: a single statement may run at once. */
  ledig(): boolean {
    return !this.#optaget;
  }

  async koer<T>(arbejde: () => Promise<T>): Promise<T> {
    if (this.#optaget) await new Promise<void>((tur) => this.#venter.push(tur));
    this.#optaget = true;
    try {
      return await arbejde();
    } finally {
      // Hand the queue straight to the next in line, so nobody arriving now can jump ahead.
      const naeste = this.#venter.shift();
      if (naeste) naeste();
      else this.#optaget = false;
    }
  }
}
