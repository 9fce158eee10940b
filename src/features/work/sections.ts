// The sections of a card after check-in, in the order the work goes: where the car is, the
// additional work, the quality check, the handover at the car, the bill, the follow-up call.
// Each is a step of the card's URL (/jobs/:id/qc), beside the check-in steps.
export const WORK_SECTIONS = ['status', 'additions', 'qc', 'handover', 'bill', 'followup'] as const;
export type WorkSection = (typeof WORK_SECTIONS)[number];

export function isWorkSection(value: string | undefined): value is WorkSection {
  return WORK_SECTIONS.includes(value as WorkSection);
}
