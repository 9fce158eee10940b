// 损伤热力图: where on the tablets' vehicle diagram damage is marked, per view, for the cars
// checked in in the period. Marks are fractions of their view; each falls in one cell of the
// view's grid (HEAT_GRID). Marks found at handover count too, and are also counted apart.
import { HEAT_GRID, type DamageMapReport } from '../../shared/console/report-api.ts';
import { DAMAGE_TYPES, VEHICLE_VIEWS } from '../../shared/walkaround.ts';
import type { JobFacts } from '../console/job-facts.ts';
import { base, selected, type AdvisorName, type ReportParams } from './selection.ts';

/** The cell of a mark at fraction `at` of a view `size` cells long (a mark at the very edge, 1, goes in the last cell). */
export const cellOf = (at: number, size: number) => Math.min(size - 1, Math.max(0, Math.floor(at * size)));

export function damageMapReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams): DamageMapReport {
  const cards = selected(facts, params, (card) => card.checkedInAt);
  const views = VEHICLE_VIEWS.map((view) => {
    const { cols, rows } = HEAT_GRID[view];
    const cells = new Map<number, number>();
    const byType = Object.fromEntries(DAMAGE_TYPES.map((type) => [type, 0])) as Record<(typeof DAMAGE_TYPES)[number], number>;
    let checkin = 0;
    let handover = 0;
    for (const card of cards)
      for (const mark of card.marks) {
        if (mark.view !== view) continue;
        const at = cellOf(mark.y, rows) * cols + cellOf(mark.x, cols);
        cells.set(at, (cells.get(at) ?? 0) + 1);
        byType[mark.type] += 1;
        if (mark.stage === 'handover') handover += 1;
        else checkin += 1;
      }
    return {
      view,
      cols,
      rows,
      total: checkin + handover,
      checkin,
      handover,
      cells: [...cells.entries()].sort(([a], [b]) => a - b).map(([at, n]): [number, number, number] => [at % cols, Math.floor(at / cols), n]),
      byType,
    };
  });
  return { ...base(params, advisors), cards: cards.length, cardsWithMarks: cards.filter((card) => card.marks.length > 0).length, views };
}
