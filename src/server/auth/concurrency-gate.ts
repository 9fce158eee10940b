// Bounds how much expensive work runs at once: each piece of work takes one slot under
// every bound it names (a username on a tablet, an address, a device, the whole server) and
// is refused if any of them is full, so no one caller can queue unbounded work. Used for
// password checks (auth-routes.ts) and blob uploads (blob-routes.ts).
export type Bound = { key: string; max: number };

export type ConcurrencyGate = {
  /** Takes a slot under every bound and returns its release, or undefined if one is full. */
  tryEnter(bounds: readonly Bound[]): (() => void) | undefined;
  /** How many slots under this key are taken (for tests and logs). */
  running(key: string): number;
};

export function createConcurrencyGate(): ConcurrencyGate {
  const taken = new Map<string, number>();
  const running = (key: string) => taken.get(key) ?? 0;
  return {
    running,
    tryEnter(bounds) {
      if (bounds.some(({ key, max }) => running(key) >= max)) return undefined;
      for (const { key } of bounds) taken.set(key, running(key) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const { key } of bounds) {
          const left = running(key) - 1;
          if (left > 0) taken.set(key, left);
          else taken.delete(key);
        }
      };
    },
  };
}
