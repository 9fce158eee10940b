// The order of the check-in steps and which card fields each one holds, so the step bar can
// show where a problem is and the form can jump to the first one. A step the form does not
// render itself (the walk-around) is handed in by the app shell, which composes features.
export const STEPS = ['customer', 'vehicle', 'condition', 'walkaround', 'covers', 'belongings', 'service', 'estimate', 'signing'] as const;
export type Step = (typeof STEPS)[number];

/** The step that ends the 接车单 and offers 完成接车; estimate and signing come after it. */
export const CHECK_IN_STEP: Step = 'service';

const FIELDS_OF: Record<Step, string[]> = {
  customer: ['customer'],
  vehicle: ['vehicle'],
  condition: ['odometerKm', 'odometerLowerAccepted', 'fuel', 'warningLights', 'warningLightsNote'],
  // Damage and photos are not form fields: the walk-around feature edits them itself.
  walkaround: [],
  covers: ['covers'],
  belongings: ['belongings', 'belongingsNote', 'valuablesConfirmedAt'],
  service: ['serviceTypes', 'customerRequest'],
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
