// Customer signatures: the PNG and the pen strokes (content-addressed blobs), the signature
// on its job and the outbox entry, written in one transaction, with the contentHash of the
// job exactly as stored. Works offline; the server later recomputes the hash from its own
// copy of the job and refuses a signature that does not match.
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { ApprovalFields } from '../shared/additions.ts';
import { applyMutation } from '../shared/apply-mutation.ts';
import type { Job } from '../shared/job.ts';
import type { MutationBody } from '../shared/mutation.ts';
import { blobMimeOf, SNIFF_BYTES } from '../shared/blob-kind.ts';
import { canonicalJson } from '../shared/canonical-json.ts';
import { nowIso } from '../shared/local-time.ts';
import { sha256Hex } from '../shared/sha256.ts';
import type { Signature, SignatureKind, Stroke } from '../shared/signature.ts';
import { signedContent } from '../shared/signed-content.ts';
import { signatureProblem, type SignatureProblem } from '../shared/signature-rules.ts';
import type { BlobRow, WalkaroundDb } from './database.ts';
import { commitMutation, getDevice } from './job-repo.ts';
import { putBlob } from './blob-store.ts';

export type SignatureInput = {
  kind: SignatureKind;
  signerName: string;
  strokes: Stroke[];
  /** The pad exported as PNG. */
  png: ArrayBuffer;
  /** The pad's size in the strokes' CSS pixels. */
  pad: { width: number; height: number };
  /**
   * For 追加项目: the customer's decisions, saved in the same transaction as the signature,
   * which is then of exactly that round. Nothing is decided unless the signature is taken.
   */
  decisions?: Omit<ApprovalFields, 'id' | 'via'>;
};

/** Why a signature was not taken: the ink, a missing name, or bytes that are not a PNG. */
export type SignatureRefusal = SignatureProblem | 'noSignerName' | 'notPng';

export class SignatureRefused extends Error {
  constructor(readonly code: SignatureRefusal) {
    super(`Signature refused: ${code}`);
    this.name = 'SignatureRefused';
  }
}

/**
 * The job changed between reading what is signed and saving the signature (another change
 * landed in between, e.g. a sync pull). Nothing was saved; show the document again.
 */
export class SignedContentChanged extends Error {
  constructor(readonly jobId: string) {
    super(`Job ${jobId} changed while the signature was being saved; nothing was saved`);
    this.name = 'SignedContentChanged';
  }
}

/**
 * Records a customer's signature of `kind` on the job as it is stored now, refusing empty or
 * trivial ink and a blank name (SignatureRefused). The hashes are computed first, outside the
 * write transaction: awaiting Web Crypto inside an IndexedDB transaction can let it commit
 * early. The transaction then re-reads the job and compares the signed text itself, so the
 * saved contentHash is always that of the saved job, or nothing is saved (SignedContentChanged).
 */
export async function addSignature(db: WalkaroundDb, jobId: string, input: SignatureInput, now = new Date()): Promise<Signature> {
  const signerName = input.signerName.trim();
  if (!signerName) throw new SignatureRefused('noSignerName');
  const problem = signatureProblem(input.strokes, input.pad);
  if (problem) throw new SignatureRefused(problem);
  if (!isPng(input.png)) throw new SignatureRefused('notPng');

  const { clientId: deviceId } = await getDevice(db);
  const stored = await db.jobs.get(jobId);
  if (!stored) throw new Error(`Job ${jobId} does not exist on this device`);
  const createdAt = nowIso(now);
  const prelude = preludeOf(input);
  const subjectId = prelude?.payload.id;
  // What is signed is the job with the decisions applied, by the same reducer the commit uses.
  const before = withPrelude(stored, prelude, createdAt);
  const signedText = canonicalJson(signedContent(before, input.kind, subjectId));
  const encoder = new TextEncoder();
  const contentHash = await sha256Hex(encoder.encode(signedText));
  const strokesBytes = toArrayBuffer(encoder.encode(canonicalJson(input.strokes)));
  const strokesSha256 = await sha256Hex(strokesBytes);
  const pngSha256 = await sha256Hex(input.png);

  const id = uuidv7();
  return db.transaction('rw', [db.jobs, db.outbox, db.meta, db.blobs], async () => {
    const stillStored = await db.jobs.get(jobId);
    if (!stillStored || canonicalJson(signedContent(withPrelude(stillStored, prelude, createdAt), input.kind, subjectId)) !== signedText)
      throw new SignedContentChanged(jobId);
    if (prelude) await commitMutation(db, jobId, prelude, now);
    await putBlob(db, { sha256: pngSha256, bytes: input.png, mime: 'image/png', byteLength: input.png.byteLength, createdAt });
    await putBlob(db, { sha256: strokesSha256, bytes: strokesBytes, mime: 'application/json', byteLength: strokesBytes.byteLength, createdAt });
    const job = await commitMutation(
      db,
      jobId,
      {
        op: 'signature.add',
        payload: {
          id,
          kind: input.kind,
          signerName,
          signedAt: createdAt,
          deviceId,
          contentHash,
          pngSha256,
          strokesSha256,
          ...(subjectId ? { subjectId } : {}),
        },
      },
      now,
    );
    const added = job.signatures[id];
    if (!added) throw new Error(`Signature ${id} was not added to job ${jobId}`);
    return added;
  });
}

type Prelude = Extract<MutationBody, { op: 'addition.decide' }>;

function preludeOf(input: SignatureInput): Prelude | undefined {
  if (input.kind !== 'additional') return undefined;
  if (!input.decisions) throw new Error('A signature of additional work needs the decisions it is of');
  return { op: 'addition.decide', payload: { id: uuidv7(), ...input.decisions, via: { kind: 'signature' } } };
}

/**
 * The job as it will be once the prelude is committed. The reducer is pure, and what is signed
 * depends on neither the mutation's ids nor its seq, only on its payload and time.
 */
function withPrelude(job: Job, prelude: Prelude | undefined, createdAt: string): Job {
  if (!prelude) return job;
  const placeholder = { mutationId: prelude.payload.id, clientId: prelude.payload.id, seq: 1, jobId: job.id, createdAt };
  return applyMutation(job, { ...placeholder, ...prelude }) ?? job;
}

const strokesSchema = z.array(z.array(z.object({ x: z.number(), y: z.number(), t: z.number() })));

/**
 * The signature's image row and its strokes, for display, print and audit. Either may be
 * missing on a device that pulled the signature before its blobs.
 */
export async function signatureBlobs(db: WalkaroundDb, signature: Signature): Promise<{ png?: BlobRow; strokes?: Stroke[] }> {
  const [png, strokesRow] = await db.blobs.bulkGet([signature.pngSha256, signature.strokesSha256]);
  const strokes = strokesRow ? strokesSchema.parse(JSON.parse(new TextDecoder().decode(strokesRow.bytes))) : undefined;
  return { ...(png && { png }), ...(strokes && { strokes }) };
}

// The same byte check the server makes before it stores the PNG (blob-kind.ts).
function isPng(bytes: ArrayBuffer): boolean {
  return blobMimeOf(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, SNIFF_BYTES))) === 'image/png';
}

// Blob rows hold an ArrayBuffer of exactly the bytes; a view's buffer is not promised to be that.
function toArrayBuffer(view: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy.buffer;
}
