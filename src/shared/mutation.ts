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
import { additionFieldsSchema, approvalFieldsSchema } from './additions.ts';
import { appointmentNoShowSchema, appointmentSetSchema } from './appointment.ts';
import { followUpCallFieldsSchema } from './follow-up.ts';
import { handoverPatchSchema } from './handover.ts';
import { JOB_STATUSES } from './job-status.ts';
import { QC_ITEMS, QC_RESULTS } from './quality-check.ts';

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
  // A mark's stage and its link to the last visit are set when it is made: a check-in mark
  // never becomes one found at handover, nor a confirmed 上次记录 another visit's mark.
  payload: z.object({ id: z.uuid(), fields: damageFieldsSchema.omit({ stage: true, previous: true }).partial().strict() }).strict(),
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
// A signature of additional work is of one decision round: without the round it would sign nothing.
const signatureAdd = z.object({
  op: z.literal('signature.add'),
  payload: signatureFieldsSchema
    .strict()
    .refine((s) => s.kind !== 'additional' || s.subjectId !== undefined, { message: 'required', path: ['subjectId'] }),
});

/** One step of 已接车 → 维修中 → 质检 → 待交车 → 已交车; `from` makes a repeated move a no-op. */
const jobMove = z.object({
  op: z.literal('job.move'),
  payload: z.object({ from: z.enum(JOB_STATUSES), to: z.enum(JOB_STATUSES) }).strict(),
});
const additionAdd = z.object({ op: z.literal('addition.add'), payload: additionFieldsSchema.extend({ id: z.uuid() }).strict() });
const additionUpdate = z.object({
  op: z.literal('addition.update'),
  payload: z.object({ id: z.uuid(), fields: additionFieldsSchema.partial().strict() }).strict(),
});
const additionRemove = z.object({ op: z.literal('addition.remove'), payload: byId });
/** The customer's decision on additional lines: one round, by signature or by phone. */
const additionDecide = z.object({ op: z.literal('addition.decide'), payload: approvalFieldsSchema.strict() });
const qcCheck = z.object({
  op: z.literal('qc.check'),
  payload: z.object({ item: z.enum(QC_ITEMS), result: z.enum(QC_RESULTS), note: z.string().max(200, { message: 'text.tooLong' }) }).strict(),
});
const qcOverride = z.object({
  op: z.literal('qc.override'),
  payload: z.object({ reason: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'text.tooLong' }) }).strict(),
});
const handoverUpdate = z.object({ op: z.literal('handover.update'), payload: z.object({ fields: handoverPatchSchema }).strict() });
const followUpCall = z.object({ op: z.literal('followUp.call'), payload: followUpCallFieldsSchema.strict() });
const followUpResolve = z.object({
  op: z.literal('followUp.resolve'),
  payload: z.object({ note: z.string().trim().min(1, { message: 'required' }).max(500, { message: 'text.tooLong' }) }).strict(),
});

/** 预约: books the card for a time (or moves it), from the store console. */
const appointmentSet = z.object({ op: z.literal('appointment.set'), payload: appointmentSetSchema });
/** The customer did not come (or did after all). */
const appointmentNoShow = z.object({ op: z.literal('appointment.noShow'), payload: appointmentNoShowSchema });

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
  jobMove,
  additionAdd,
  additionUpdate,
  additionRemove,
  additionDecide,
  qcCheck,
  qcOverride,
  handoverUpdate,
  followUpCall,
  followUpResolve,
  appointmentSet,
  appointmentNoShow,
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
