// Password checks are bounded in how many run at once per key and in all: a caller over a
// bound is refused at once instead of queueing more scrypt work.
import { describe, expect, it } from 'vitest';
import { createConcurrencyGate } from '../../src/server/auth/concurrency-gate.ts';

describe('concurrency gate', () => {
  it('takes a slot under every bound, refuses when one is full, and frees on release', () => {
    const gate = createConcurrencyGate();
    const bounds = (user: string) => [
      { key: user, max: 1 },
      { key: 'ip', max: 2 },
    ];
    const zhang = gate.tryEnter(bounds('zhang'));
    expect(zhang).toBeTypeOf('function');
    expect(gate.tryEnter(bounds('zhang'))).toBeUndefined();
    const li = gate.tryEnter(bounds('li'));
    expect(li).toBeTypeOf('function');
    // The address is full now, even for a third name; a refusal takes no slot.
    expect(gate.tryEnter(bounds('wang'))).toBeUndefined();
    expect(gate.running('wang')).toBe(0);
    expect(gate.running('ip')).toBe(2);

    zhang?.();
    zhang?.();
    expect(gate.running('ip')).toBe(1);
    expect(gate.running('zhang')).toBe(0);
    expect(gate.tryEnter(bounds('wang'))).toBeTypeOf('function');
    li?.();
    expect(gate.running('li')).toBe(0);
  });
});
