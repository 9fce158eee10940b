// 接车用时 and photos per card: how long the walk-around takes from the card created to 完成接车
// (median, p90, a histogram), and how many photos each card carries, for the cars checked in
// in the period.
import type { CheckInTimeReport } from '../../shared/console/report-api.ts';
import type { JobFacts } from '../console/job-facts.ts';
import { base, byAdvisor, selected, type AdvisorName, type ReportParams } from './selection.ts';
import { histogramOf, round1, spreadOf } from './stats.ts';

export const MINUTE_EDGES = [0, 5, 10, 15, 20, 30, 45, 60] as const;
export const PHOTO_EDGES = [0, 1, 5, 10, 20, 40] as const;

/** Minutes from the card created to checked in (never below zero: a tablet's clock may step back). */
export const checkInMinutes = (card: JobFacts) => Math.max(0, (Date.parse(card.checkedInAt ?? card.createdAt) - Date.parse(card.createdAt)) / 60_000);

export function checkInTimeReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams): CheckInTimeReport {
  const cards = selected(facts, params, (card) => card.checkedInAt);
  // Each card's minutes once: the whole and the advisors' rows read the same numbers.
  const minutesOf = new Map(cards.map((card) => [card, checkInMinutes(card)]));
  const minutes = [...minutesOf.values()];
  const photos = cards.map((card) => card.photoCount);
  return {
    ...base(params, advisors),
    cards: cards.length,
    minutes: spreadOf(minutes),
    minutesHistogram: histogramOf(minutes, MINUTE_EDGES),
    photos: spreadOf(photos),
    photosTotal: photos.reduce((sum, n) => sum + n, 0),
    photosHistogram: histogramOf(photos, PHOTO_EDGES),
    byAdvisor: byAdvisor(cards, advisors, (advisorId, group) => {
      const spread = spreadOf(group.map((card) => minutesOf.get(card) ?? 0));
      return {
        advisorId,
        cards: group.length,
        medianMinutes: spread?.median ?? 0,
        p90Minutes: spread?.p90 ?? 0,
        photosMean: round1(group.reduce((sum, card) => sum + card.photoCount, 0) / group.length),
      };
    }),
  };
}
