// The time a slide stands, with pause and resume that keep what was left: a clicker's pause in
// the middle of a slide resumes with the rest of that slide, not a fresh full interval.

export interface Clock {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const BROWSER_CLOCK: Clock = {
  now: () => performance.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Countdown {
  /** Starts a fresh interval of `ms` (a slide has just been shown). */
  start(ms: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Milliseconds left in the current interval. */
  remaining(): number;
  readonly paused: boolean;
}

export function createCountdown(onDone: () => void, clock: Clock = BROWSER_CLOCK): Countdown {
  let handle: unknown = null;
  let deadline = 0;
  let left = 0;
  let paused = false;

  const disarm = () => {
    if (handle !== null) clock.clear(handle);
    handle = null;
  };
  const arm = (ms: number) => {
    disarm();
    deadline = clock.now() + ms;
    handle = clock.set(() => {
      handle = null;
      onDone();
    }, ms);
  };

  return {
    start(ms) {
      left = ms;
      if (paused) disarm();
      else arm(ms);
    },
    pause() {
      if (paused) return;
      paused = true;
      if (handle !== null) left = Math.max(0, deadline - clock.now());
      disarm();
    },
    resume() {
      if (!paused) return;
      paused = false;
      arm(left);
    },
    stop() {
      disarm();
      left = 0;
    },
    remaining() {
      return paused || handle === null ? left : Math.max(0, deadline - clock.now());
    },
    get paused() {
      return paused;
    },
  };
}
