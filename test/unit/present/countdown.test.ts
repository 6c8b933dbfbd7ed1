import { describe, expect, it } from 'vitest';
import { createCountdown, type Clock } from '../../../src/features/present/countdown';

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: Clock = {
    now: () => now,
    set: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: next });
      return next++;
    },
    clear: (id) => (timers = timers.filter((t) => t.id !== id)),
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  return { clock, advance, pending: () => timers.length };
}

describe('slide countdown', () => {
  it('fires once after the interval', () => {
    const c = fakeClock();
    let fired = 0;
    const cd = createCountdown(() => fired++, c.clock);
    cd.start(1000);
    c.advance(999);
    expect(fired).toBe(0);
    c.advance(1);
    expect(fired).toBe(1);
    c.advance(5000);
    expect(fired).toBe(1);
  });

  it('resumes with what was left of the slide, not a fresh interval', () => {
    const c = fakeClock();
    let fired = 0;
    const cd = createCountdown(() => fired++, c.clock);
    cd.start(1000);
    c.advance(700);
    cd.pause();
    expect(cd.paused).toBe(true);
    expect(cd.remaining()).toBe(300);
    c.advance(10_000);
    expect(fired).toBe(0);
    cd.resume();
    c.advance(299);
    expect(fired).toBe(0);
    c.advance(1);
    expect(fired).toBe(1);
  });

  it('a slide shown while paused waits with its full interval', () => {
    const c = fakeClock();
    let fired = 0;
    const cd = createCountdown(() => fired++, c.clock);
    cd.pause();
    cd.start(500);
    expect(c.pending()).toBe(0);
    expect(cd.remaining()).toBe(500);
    cd.resume();
    c.advance(500);
    expect(fired).toBe(1);
  });

  it('restarting replaces the running interval; stop cancels it', () => {
    const c = fakeClock();
    let fired = 0;
    const cd = createCountdown(() => fired++, c.clock);
    cd.start(1000);
    c.advance(900);
    cd.start(1000);
    c.advance(900);
    expect(fired).toBe(0);
    expect(c.pending()).toBe(1);
    cd.stop();
    c.advance(5000);
    expect(fired).toBe(0);
  });

  it('pause and resume twice in a row change nothing more', () => {
    const c = fakeClock();
    let fired = 0;
    const cd = createCountdown(() => fired++, c.clock);
    cd.start(1000);
    cd.resume();
    expect(c.pending()).toBe(1);
    cd.pause();
    cd.pause();
    c.advance(400);
    cd.resume();
    c.advance(1000);
    expect(fired).toBe(1);
  });
});
