// Slows down guessing of enrollment codes without ever refusing a valid code because of
// failures from its address: a store's tablets share one address behind its router, so one
// tablet's typos (or a guesser on the guest Wi-Fi) must not lock the others out. In memory.
//
// The penalty is delay and serialisation, not refusal. After `freeFailures` wrong codes from
// one address within `windowMs`, each further request from it waits in that address's lane:
// one at a time, each `delayMs` after the one before it was answered, so the address gets at
// most one code looked up per `delayMs`. A valid code that gets its turn succeeds. Only
// `maxWaiting` may wait at once; beyond that the answer is 429 without looking at the code,
// which happens only while someone floods from that network.
//
// Attempts are counted when they are let in and taken back when they turn out right, so
// requests sent in parallel cannot all pass as "free" while none has failed yet. An attempt
// is taken back once its answer has closed and it was judged, whichever comes last: a client
// that hangs up while its code is being looked up does not escape its failure.
//
// Nothing is counted per attempted code (a guesser tries each code once) nor globally: a
// global lane would let one flood lock out every store, the defect this replaces. Guessing
// from many addresses stays hopeless: a code is 8 of 32 characters (32^8 ≈ 1.1e12) and
// expires within days; an address gets at most ~310 lookups per 15 minutes.
import { HttpError } from '../api/http-error.ts';
import { API_ERRORS } from '../../shared/protocol.ts';
import { createFailureLimiter } from './failure-limiter.ts';

export type EnrollmentGuardOptions = {
  /** Wrong codes from one address within the window before its requests are slowed. */
  freeFailures: number;
  windowMs: number;
  /** How long a slowed request waits, after the one before it was answered, before its code is looked up. */
  delayMs: number;
  /** Slowed requests from one address that may wait at once; more are answered 429. */
  maxWaiting: number;
};

export const DEFAULT_ENROLLMENT_GUARD: EnrollmentGuardOptions = {
  freeFailures: 10,
  windowMs: 15 * 60 * 1000,
  delayMs: 3000,
  maxWaiting: 3,
};

/** The answer being sent: the attempt holds its place in its lane until it closes. */
export type Answer = { once(event: 'close', listener: () => void): unknown };

export type EnrollmentAttempt = {
  /** The code was wrong (or refused): the attempt stays counted against its address. */
  failed(): void;
  /** The attempt is over, judged or broken; unless it failed, it is taken back when its answer closes. */
  settled(): void;
};

export type EnrollmentGuard = {
  /** Resolves when this request may look up its code; throws a 429 HttpError when its lane is full. */
  admit(address: string, answer: Answer): Promise<EnrollmentAttempt>;
};

type Lane = { waiting: number; tail: Promise<void> };

export function createEnrollmentGuard(options: Partial<EnrollmentGuardOptions> = {}): EnrollmentGuard {
  const { freeFailures, windowMs, delayMs, maxWaiting } = { ...DEFAULT_ENROLLMENT_GUARD, ...options };
  // Per address, its attempts in the window: failures, and those not yet judged. "Limited"
  // here means slowed, never refused.
  const attempts = createFailureLimiter(freeFailures, windowMs);
  const lanes = new Map<string, Lane>();

  function count(address: string, answer: Answer): EnrollmentAttempt {
    const giveBack = attempts.count(address);
    let failed = false;
    let settled = false;
    let closed = false;
    const finish = () => {
      if (settled && closed && !failed) giveBack();
    };
    answer.once('close', () => {
      closed = true;
      finish();
    });
    return {
      failed: () => void (failed = true),
      settled() {
        if (settled) return;
        settled = true;
        finish();
      },
    };
  }

  async function waitTurn(address: string, answer: Answer): Promise<void> {
    const lane = lanes.get(address) ?? { waiting: 0, tail: Promise.resolve() };
    if (lane.waiting >= maxWaiting) {
      throw new HttpError(
        429,
        API_ERRORS.rateLimited,
        'Too many enrollment attempts from this network at the same time. Wait a minute, then try again with the code from the store administrator.',
        { 'retry-after': String(Math.ceil(((maxWaiting + 1) * delayMs) / 1000)) },
      );
    }
    lanes.set(address, lane);
    lane.waiting += 1;
    const before = lane.tail;
    const turn = before.then(() => new Promise<void>((done) => setTimeout(done, delayMs)));
    const answered = new Promise<void>((done) => answer.once('close', done));
    // The next one waits for this one's turn and its answer, even if its client went away.
    lane.tail = Promise.all([turn, answered]).then(() => undefined);
    await turn;
    lane.waiting -= 1;
    const tail = lane.tail;
    void tail.then(() => {
      if (lane.waiting === 0 && lane.tail === tail) lanes.delete(address);
    });
  }

  return {
    async admit(address, answer) {
      const slowed = attempts.retryAfterMs(address) > 0 || lanes.has(address);
      if (slowed) await waitTurn(address, answer);
      return count(address, answer);
    },
  };
}
