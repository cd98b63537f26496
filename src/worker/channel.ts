/**
 * A bounded hand-off between two async loops: `put` waits while `capacity` items are waiting, which is
 * how the worker's producer is held back (backpressure) when writing is the slow part.
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private closed = false;
  private putWaiters: (() => void)[] = [];
  private getWaiters: (() => void)[] = [];

  constructor(private readonly capacity = 1) {}

  get size(): number {
    return this.items.length;
  }

  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity) await new Promise<void>((r) => this.putWaiters.push(r));
    this.items.push(item);
    this.wake('get');
  }

  close(): void {
    this.closed = true;
    this.wake('get');
  }

  private wake(which: 'get' | 'put'): void {
    const list = which === 'get' ? this.getWaiters : this.putWaiters;
    if (which === 'get') this.getWaiters = [];
    else this.putWaiters = [];
    for (const w of list) w();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.items.length) {
        const item = this.items.shift()!;
        this.wake('put');
        yield item;
      } else if (this.closed) {
        return;
      } else {
        await new Promise<void>((r) => this.getWaiters.push(r));
      }
    }
  }
}
