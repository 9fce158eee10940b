// On the 环车检查 step a check-in mark opens for editing, but a mark found at handover is only
// shown (it is edited from the 交车 section): tapping it never opens the editor, and no
// leftover "selected" state can open one for it either.
import { describe, expect, it } from 'vitest';
import { editedOnWalkaround, selectOnWalkaround } from '../../src/features/walkaround/walkaround-selection.ts';
import type { Damage } from '../../src/shared/walkaround.ts';

const mark = (id: string, stage?: Damage['stage']): Damage => ({
  id,
  view: 'left',
  x: 0.5,
  y: 0.5,
  type: 'scratch',
  severity: 'minor',
  note: '',
  createdAt: '2026-11-27T09:00:00.000Z',
  deletedAt: null,
  ...(stage ? { stage } : {}),
});

const OLD = mark('0192f3a0-0000-7000-8000-0000000d0001');
const CHECKIN = mark('0192f3a0-0000-7000-8000-0000000d0002', 'checkin');
const FOUND = mark('0192f3a0-0000-7000-8000-0000000d0003', 'handover');
const damages = [OLD, CHECKIN, FOUND];

describe('a tap on a mark on the walk-around step', () => {
  it.each([
    ['a mark made before stages existed', OLD, 'selected'],
    ['a check-in mark', CHECKIN, 'selected'],
    ['a mark found at handover', FOUND, 'handover'],
  ] as const)('%s: %s', (_, damage, kind) => {
    const mode = selectOnWalkaround(damages, damage.id);
    expect(mode.kind).toBe(kind);
    expect(editedOnWalkaround(damages, mode)?.id ?? null).toBe(kind === 'selected' ? damage.id : null);
  });

  it('never opens a mark found at handover for editing, even when asked to', () => {
    expect(editedOnWalkaround(damages, { kind: 'selected', id: FOUND.id, moving: true })).toBeNull();
    expect(editedOnWalkaround(damages, { kind: 'selected', id: CHECKIN.id, moving: false })).toBe(CHECKIN);
  });
});
