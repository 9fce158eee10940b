// The parts of a car's condition that are recorded at check-in and checked again at handover:
// the protective covers fitted, the belongings in the car and the fuel or charge level.
import { z } from 'zod';

/** Largest believable odometer reading; anything above is a typo, not a car. */
export const MAX_ODOMETER_KM = 2_000_000;

export const COVERS = ['seat', 'steeringWheel', 'floorMat', 'gearLever'] as const;
export const BELONGINGS = ['spareTyre', 'jack', 'toolKit', 'warningTriangle', 'fireExtinguisher', 'chargingCable'] as const;
export type Cover = (typeof COVERS)[number];
export type Belonging = (typeof BELONGINGS)[number];

export const fuelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gauge'), eighths: z.number().int().min(0).max(8) }),
  z.object({ kind: z.literal('battery'), percent: z.number().int().min(0).max(100) }),
]);
export type Fuel = z.infer<typeof fuelSchema>;

/** The marks a dashboard fuel gauge shows, from empty to full: index = eighths. */
export const GAUGE_LABELS = ['E', '1/8', '1/4', '3/8', '1/2', '5/8', '3/4', '7/8', 'F'] as const;

/** "3/4" or "60%": a level as the dashboard shows it. */
export function fuelText(fuel: Fuel): string {
  return fuel.kind === 'gauge' ? (GAUGE_LABELS[fuel.eighths] ?? String(fuel.eighths)) : `${fuel.percent}%`;
}
