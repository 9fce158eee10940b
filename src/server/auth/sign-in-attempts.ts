// How password sign-ins are slowed and bounded, for the tablets' sign-in and the store
// console's alike: each attempt counts as a failure of its username and of its address before
// the password is checked (so parallel attempts cannot all pass the limits while none has
// failed yet), and takes a slot of the bounds on scrypt work at once.
import { API_ERRORS } from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import { createConcurrencyGate } from './concurrency-gate.ts';
import { createFailureLimiter } from './failure-limiter.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './passwords.ts';
import type { AdvisorRecord } from '../storage/storage.ts';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export type SignInAttempt = {
  release(): void;
  /** The right password: the username starts afresh, the address keeps its other failures. */
  succeeded(): void;
  /** A check that broke (not the caller's doing) costs the caller nothing. */
  giveBack(): void;
};

export type SignInAttempts = {
  /** Starts an attempt for this username key and address key; throws 429 past the limits. */
  begin(userKey: string, ipKey: string): SignInAttempt;
  /**
   * A whole password check under the limits: the advisor `find` gives, when the password is theirs
   * and they are not disabled; otherwise undefined, and the attempt stays counted as a failure.
   * An unknown name costs the same time as a wrong password: no hint which names exist. A check
   * that broke (not the caller's doing, e.g. the database) costs the caller nothing.
   */
  checkPassword(userKey: string, ipKey: string, password: string, find: () => Promise<AdvisorRecord | undefined>): Promise<AdvisorRecord | undefined>;
};

export function createSignInAttempts(): SignInAttempts {
  // Per IP: generous, as a store's tablets may share one address behind a router. Per
  // username: strict, that is where a guesser would start.
  const ipLimiter = createFailureLimiter(30, FIFTEEN_MINUTES);
  const userLimiter = createFailureLimiter(5, FIFTEEN_MINUTES);
  // A password check is scrypt: ~100 ms of a core and 32 MiB. At most one at a time per
  // username, a few per address (a store's tablets behind one router sign in together at the
  // start of a shift) and a few on the whole server, which also keeps libuv's four threads
  // free for the blob store's file work.
  const hashGate = createConcurrencyGate();
  const HASH_BOUNDS = { user: 1, ip: 4, server: 8 };

  const attempts: SignInAttempts = {
    async checkPassword(userKey, ipKey, password, find) {
      const attempt = attempts.begin(userKey, ipKey);
      let judged = false;
      try {
        const advisor = await find();
        const ok = await verifyPassword(password, advisor?.passwordHash ?? (await DUMMY_PASSWORD_HASH));
        judged = true;
        if (!advisor || !ok || advisor.disabledAt) return undefined;
        attempt.succeeded();
        return advisor;
      } finally {
        if (!judged) attempt.giveBack();
        attempt.release();
      }
    },
    begin(userKey, ipKey) {
      const user = userLimiter.begin(userKey);
      const ip = ipLimiter.begin(ipKey);
      if (!user.allowed || !ip.allowed) {
        if (user.allowed) user.giveBack();
        if (ip.allowed) ip.giveBack();
        throw tooManyFailures(Math.max(user.allowed ? 0 : user.retryAfterMs, ip.allowed ? 0 : ip.retryAfterMs));
      }
      const release = hashGate.tryEnter([
        { key: userKey, max: HASH_BOUNDS.user },
        { key: ipKey, max: HASH_BOUNDS.ip },
        { key: 'server', max: HASH_BOUNDS.server },
      ]);
      if (!release) {
        user.giveBack();
        ip.giveBack();
        throw new HttpError(429, API_ERRORS.signInBusy, 'Several sign-ins are being checked at once. Wait a few seconds and try again.', { 'retry-after': '2' });
      }
      return {
        release,
        succeeded() {
          userLimiter.reset(userKey);
          ip.giveBack();
        },
        giveBack() {
          user.giveBack();
          ip.giveBack();
        },
      };
    },
  };
  return attempts;
}

function tooManyFailures(waitMs: number): HttpError {
  const seconds = Math.ceil(waitMs / 1000);
  return new HttpError(429, API_ERRORS.rateLimited, `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, {
    'retry-after': String(seconds),
  });
}
