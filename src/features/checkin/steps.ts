// The order of the check-in steps and which card fields each one holds, so the step bar can
// show where a problem is and the form can jump to the first one. A step the form does not
// render itself (the walk-around) is handed in by the app shell, which composes features.
// Covers, belongings and service share one step (issue 11: each 下一步 is a tap, and the three
// fit on one landscape screen side by side); old links to /covers and /belongings land there.
export const STEPS = ['customer', 'vehicle', 'condition', 'walkaround', 'service', 'estimate', 'signing'] as const;
export type Step = (typeof STEPS)[number];

/** The step that ends the 接车单 and offers 完成接车; estimate and signing come after it. */
export const CHECK_IN_STEP: Step = 'service';

/** Where a successful 完成接车 goes on by itself: the estimate is the advisor's next job (issue 11, one tap). */
export const AFTER_CHECK_IN: Step = 'estimate';

const FIELDS_OF: Record<Step, string[]> = {
  customer: ['customer'],
  vehicle: ['vehicle'],
  condition: ['odometerKm', 'odometerLowerAccepted', 'fuel', 'warningLights', 'warningLightsNote'],
  // Damage and photos are not form fields: the walk-around feature edits them itself.
  walkaround: [],
  service: ['covers', 'belongings', 'belongingsNote', 'valuablesConfirmedAt', 'serviceTypes', 'customerRequest'],
  estimate: [],
  signing: [],
};

export function stepOfField(path: string): Step {
  const top = path.split('.')[0] ?? '';
  return STEPS.find((step) => FIELDS_OF[step].includes(top)) ?? 'customer';
}

export function isStep(value: string | undefined): value is Step {
  return STEPS.includes(value as Step);
}

const MERGED: Record<string, Step> = { covers: 'service', belongings: 'service' };

/** The step a path segment names, old names included; the first step when it names none. */
export function stepOf(value: string | undefined): Step {
  if (isStep(value)) return value;
  return (value && MERGED[value]) || 'customer';
}
