// A mutation is the unit of change and of sync: written to the outbox in the same Dexie
// transaction as the change it describes, pushed to the server in `seq` order, and applied
// by the same reducer on both sides. `mutationId` makes a re-sent mutation recognisable;
// `(clientId, seq)` lets the server apply each one exactly once.
import { z } from 'zod';
import { cardPatchSchema } from './job.ts';
import { isoDateTime } from './primitives.ts';
import { estimateFieldsSchema, lineFieldsSchema } from './estimate.ts';
import { signatureFieldsSchema } from './signature.ts';
import { damageFieldsSchema, photoFieldsSchema } from './walkaround.ts';

const jobCreate = z.object({
  op: z.literal('job.create'),
  payload: z.object({ number: z.string().min(1).max(40), card: cardPatchSchema }),
});
const jobUpdate = z.object({
  op: z.literal('job.update'),
  payload: z.object({ card: cardPatchSchema }),
});
const jobCheckIn = z.object({
  op: z.literal('job.checkIn'),
  payload: z.object({}).strict(),
});

const byId = z.object({ id: z.uuid() }).strict();
const damageAdd = z.object({
  op: z.literal('damage.add'),
  payload: damageFieldsSchema.extend({ id: z.uuid() }).strict(),
});
const damageUpdate = z.object({
  op: z.literal('damage.update'),
  payload: z.object({ id: z.uuid(), fields: damageFieldsSchema.partial().strict() }).strict(),
});
const damageRemove = z.object({ op: z.literal('damage.remove'), payload: byId });
const photoAdd = z.object({ op: z.literal('photo.add'), payload: photoFieldsSchema.strict() });
const photoRemove = z.object({ op: z.literal('photo.remove'), payload: byId });
/** Undo of a remove: the tombstone is lifted, the photo is back. */
const photoRestore = z.object({ op: z.literal('photo.restore'), payload: byId });

const estimateUpdate = z.object({
  op: z.literal('estimate.update'),
  payload: z.object({ fields: estimateFieldsSchema.partial().strict() }).strict(),
});
const lineAdd = z.object({ op: z.literal('line.add'), payload: lineFieldsSchema.extend({ id: z.uuid() }).strict() });
const lineUpdate = z.object({
  op: z.literal('line.update'),
  payload: z.object({ id: z.uuid(), fields: lineFieldsSchema.partial().strict() }).strict(),
});
const lineRemove = z.object({ op: z.literal('line.remove'), payload: byId });
const signatureAdd = z.object({ op: z.literal('signature.add'), payload: signatureFieldsSchema.strict() });

/** The op and its payload, discriminated by `op`. */
export const mutationBodySchema = z.discriminatedUnion('op', [
  jobCreate,
  jobUpdate,
  jobCheckIn,
  damageAdd,
  damageUpdate,
  damageRemove,
  photoAdd,
  photoRemove,
  photoRestore,
  estimateUpdate,
  lineAdd,
  lineUpdate,
  lineRemove,
  signatureAdd,
]);
export type MutationBody = z.infer<typeof mutationBodySchema>;
export type MutationOp = MutationBody['op'];

export const mutationSchema = z.intersection(
  z.object({
    mutationId: z.uuid(),
    clientId: z.uuid(),
    /** Per-client sequence, from 1, without gaps. */
    seq: z.number().int().positive(),
    jobId: z.uuid(),
    createdAt: isoDateTime,
    /**
     * The advisor signed in on the tablet when the change was made, so a tablet shared by
     * several advisors records who did what. Absent on a tablet not yet enrolled.
     */
    advisorId: z.uuid().optional(),
  }),
  mutationBodySchema,
);
export type Mutation = z.infer<typeof mutationSchema>;
