/**
 * The server clock, injected everywhere time is read, so tests and the standalone demo control it. The domain never
 * reads a clock: handlers pass `now()` in command metadata.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** A clock the standalone demo and tests may move forward: its offset from the machine's clock, in days. */
export interface MovableClock {
  advance(days: number): void;
  readonly offsetDays: number;
}

/** True for a clock that can be moved (the demo clock, a test clock). */
export function isMovable(clock: Clock): clock is Clock & MovableClock {
  return typeof (clock as Partial<MovableClock>).advance === 'function';
}

/** The machine's clock plus an offset that only ever moves forward (standalone demo: `MUTASI_CLOCK_OFFSET_DAYS`). */
export class OffsetClock extends Clock {
  private offsetMs: number;

  constructor(offsetDays = 0) {
    super();
    this.offsetMs = offsetDays * 86_400_000;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offsetDays(): number {
    return this.offsetMs / 86_400_000;
  }

  /** Moves the clock forward by `days` (never backwards, so recorded times stay in order). */
  advance(days: number): void {
    if (!Number.isFinite(days) || days < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += days * 86_400_000;
  }

  get offsetMilliseconds(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward to at least `offsetMs` ahead of the machine's, and to at least `notBefore` (never back). */
  restore(offsetMs: number, notBefore: Date): void {
    this.offsetMs = Math.max(this.offsetMs, offsetMs);
    const behind = notBefore.getTime() - this.now().getTime();
    if (behind > 0) this.offsetMs += behind;
  }
}

/** A clock that stands still until a test moves it. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(date: Date): void {
    this.current = new Date(date.getTime());
  }

  advance(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }

  get offsetDays(): number {
    return 0;
  }
}
