// What the server checks before it applies a tablet's mutation, inside the push
// transaction: the blobs it refers to are stored for this store, and a signature was given
// on exactly what the server has (DESIGN.md "Signatures"). The hash is recomputed here, from
// the server's own copy of the job, with the same canonical content the tablet hashed.
import { createHash } from 'node:crypto';
import { blobsOf } from '../../shared/mutation-blobs.ts';
import { signedBytes } from '../../shared/signed-content.ts';
import type { MutationCheck } from './push-rules.ts';

export const mutationCheck: MutationCheck = async (job, mutation, tx) => {
  const missingBlobs: string[] = [];
  for (const sha256 of blobsOf(mutation)) if (!(await tx.storeHasBlob(sha256))) missingBlobs.push(sha256);
  if (missingBlobs.length > 0) return { missingBlobs };
  if (mutation.op !== 'job.create' && !job) return 'unknown_job';
  if (mutation.op === 'signature.add' && job && !job.signatures[mutation.payload.id]) {
    const hash = createHash('sha256').update(signedBytes(job, mutation.payload.kind, mutation.payload.subjectId)).digest('hex');
    if (hash !== mutation.payload.contentHash) return 'content_mismatch';
  }
  return null;
};
