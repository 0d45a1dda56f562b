import { DAY_MS } from '../sharing/expiry.ts';

/**
 * The mock backend's clock: real time, or real time moved by the demo (`POST /demo/clock`, `?now=`). Every handler
 * asks it what time it is — once per request, so that one request is judged at one instant — and passes that
 * instant to `sharing/`, which never reads a clock itself. A moved clock keeps running from where it was put.
 */
export class DemoClock {
  /** How far the clock is from real time, in milliseconds. */
  private offset = 0;

  constructor(offsetMs = 0) {
    this.offset = Number.isFinite(offsetMs) ? offsetMs : 0;
  }

  /** What time it is for the backend, in milliseconds since the epoch. */
  now(): number {
    return Date.now() + this.offset;
  }

  /** How far the clock is from real time (0 = real time). */
  get offsetMs(): number {
    return this.offset;
  }

  /** Puts the clock at an instant; it runs on from there. */
  setNow(instant: number): void {
    this.offset = instant - Date.now();
  }

  /** Moves the clock by some days (back, when negative). */
  advanceDays(days: number): void {
    this.offset += days * DAY_MS;
  }

  /** Back to real time. */
  reset(): void {
    this.offset = 0;
  }
}
