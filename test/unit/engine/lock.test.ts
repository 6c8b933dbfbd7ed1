import { describe, expect, it } from 'vitest';
import { createLock } from '../../../src/engine/lock';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and timer callback run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('createLock', () => {
  it('runs work one at a time: the second starts only after the first has settled', async () => {
    const lock = createLock();
    const log: string[] = [];
    const first = deferred<string>();
    const a = lock(async () => {
      log.push('a start');
      const v = await first.promise;
      log.push('a end');
      return v;
    });
    const b = lock(async () => {
      log.push('b start');
      return 'b';
    });
    await settle();
    expect(log).toEqual(['a start']);
    first.resolve('a');
    await expect(a).resolves.toBe('a');
    await expect(b).resolves.toBe('b');
    expect(log).toEqual(['a start', 'a end', 'b start']);
  });

  it('runs queued work in call order even when later work is quicker', async () => {
    const lock = createLock();
    const order: number[] = [];
    const delays = [30, 0, 10, 0];
    await Promise.all(
      delays.map((ms, i) =>
        lock(async () => {
          order.push(i);
          await new Promise((r) => setTimeout(r, ms));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('never has two tasks in flight', async () => {
    const lock = createLock();
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        lock(async () => {
          running++;
          most = Math.max(most, running);
          await settle();
          running--;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('passes a rejection to its caller and still runs the next task', async () => {
    const lock = createLock();
    const failing = lock(async () => {
      throw new Error('boom');
    });
    const next = lock(async () => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });

  it('waits for a rejected task to settle before starting the next', async () => {
    const lock = createLock();
    const gate = deferred<never>();
    const log: string[] = [];
    const failing = lock(() => gate.promise);
    const next = lock(async () => {
      log.push('next');
      return 'ok';
    });
    await settle();
    expect(log).toEqual([]);
    gate.reject(new Error('late failure'));
    await expect(failing).rejects.toThrow('late failure');
    await expect(next).resolves.toBe('ok');
    expect(log).toEqual(['next']);
  });

  it('keeps separate locks independent', async () => {
    const one = createLock();
    const two = createLock();
    const gate = deferred<void>();
    const blocked = one(() => gate.promise);
    await expect(two(async () => 'free')).resolves.toBe('free');
    gate.resolve();
    await blocked;
  });
});
