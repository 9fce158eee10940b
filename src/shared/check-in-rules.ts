// What a card needs before it can be marked checked in (接车完成). A draft may hold anything
// the draft schema allows; these rules decide readiness, field by field, so the form can show
// each message next to its field and the repo refuses a check-in the form would refuse.
import { cardSchema, type Card } from './job.ts';
import { checkPhone, normalizePhone } from './phone.ts';
import { checkPlate, normalizePlate } from './plate.ts';
import { checkVin, normalizeVin } from './vin.ts';

/** Facts from elsewhere on the device that the rules depend on. */
export type CheckInContext = {
  /** Highest mileage recorded for this vehicle on an earlier card, if any. */
  lastOdometerKm: number | null;
};

type Failed<T> = Extract<T, { ok: false }>;
type PhoneReason = Exclude<Failed<ReturnType<typeof checkPhone>>['reason'], 'empty'>;
type PlateReason = Exclude<Failed<ReturnType<typeof checkPlate>>['reason'], 'empty'>;

/** Every problem the rules report; each is a message key of the UI (checked there by tsc). */
export type CardProblemCode =
  | 'required'
  | `phone.${PhoneReason}`
  | `plate.${PlateReason}`
  | 'vin.length'
  | 'vin.chars'
  | 'vin.checkDigit'
  | 'odometer.lower'
  | 'fuel.required'
  | 'serviceType.required'
  | 'valuables.required';

export type CardProblem = {
  /** Dotted path into the card, e.g. "customer.phone". */
  path: string;
  /** i18n key of the message. */
  code: CardProblemCode;
  /** Values the message shows, e.g. the expected check digit. */
  params?: Record<string, string | number>;
  /** A warning can be accepted by the advisor; it still blocks until accepted. */
  confirmable?: boolean;
};

export function cardProblems(card: Card, ctx: CheckInContext): CardProblem[] {
  const problems: CardProblem[] = [];
  const add = (p: CardProblem) => problems.push(p);
  const { customer, vehicle } = card;

  if (!customer.name.trim()) add({ path: 'customer.name', code: 'required' });

  // Checked as they will be stored: the form holds what is typed (Ｂ, １２３, +852 9123 4567)
  // until the field is left, and a value about to be normalised is not wrong.
  const phone = checkPhone(normalizePhone(customer.phone));
  if (!phone.ok) add({ path: 'customer.phone', code: phone.reason === 'empty' ? 'required' : `phone.${phone.reason}` });

  const plate = checkPlate(normalizePlate(vehicle.plate));
  if (!plate.ok) add({ path: 'vehicle.plate', code: plate.reason === 'empty' ? 'required' : `plate.${plate.reason}` });

  const vin = checkVin(normalizeVin(vehicle.vin));
  if (vin.status === 'empty') add({ path: 'vehicle.vin', code: 'required' });
  else if (vin.status === 'bad-length') add({ path: 'vehicle.vin', code: 'vin.length', params: { length: vin.length } });
  else if (vin.status === 'bad-chars') add({ path: 'vehicle.vin', code: 'vin.chars', params: { chars: vin.chars.join(' ') } });
  else if (vin.status === 'bad-check-digit' && !vehicle.vinCheckAccepted)
    add({
      path: 'vehicle.vin',
      code: 'vin.checkDigit',
      params: { expected: vin.expected, actual: vin.actual },
      confirmable: true,
    });

  if (!vehicle.model.trim()) add({ path: 'vehicle.model', code: 'required' });

  if (card.odometerKm === null) add({ path: 'odometerKm', code: 'required' });
  else if (ctx.lastOdometerKm !== null && card.odometerKm < ctx.lastOdometerKm && !card.odometerLowerAccepted)
    add({ path: 'odometerKm', code: 'odometer.lower', params: { last: ctx.lastOdometerKm }, confirmable: true });

  if (card.fuel === null) add({ path: 'fuel', code: 'fuel.required' });
  if (!Object.values(card.serviceTypes).some(Boolean)) add({ path: 'serviceTypes', code: 'serviceType.required' });
  if (card.valuablesConfirmedAt === null) add({ path: 'valuablesConfirmedAt', code: 'valuables.required' });

  return problems;
}

/**
 * The card schema with the check-in rules as issues on their paths: the form's resolver, so
 * react-hook-form shows each message beside its own field.
 */
export function checkInCardSchema(ctx: CheckInContext) {
  return cardSchema.superRefine((card, issue) => {
    for (const p of cardProblems(card, ctx)) {
      issue.addIssue({ code: 'custom', path: p.path.split('.'), message: problemMessage(p), params: p.params });
    }
  });
}

/**
 * A problem as one string, "code" or "code?name=value", because a form library keeps only
 * an error's message; `parseProblemMessage` turns it back into code and params.
 */
export function problemMessage(p: Pick<CardProblem, 'code' | 'params'>): string {
  if (!p.params) return p.code;
  const query = new URLSearchParams(Object.entries(p.params).map(([k, v]) => [k, String(v)]));
  return `${p.code}?${query.toString()}`;
}

export function parseProblemMessage(message: string): { code: string; params: Record<string, string> } {
  const [code = '', query = ''] = message.split('?', 2);
  return { code, params: Object.fromEntries(new URLSearchParams(query)) };
}
