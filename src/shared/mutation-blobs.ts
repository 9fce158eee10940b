// The blobs a mutation refers to. They must be on the server before the mutation is: the
// tablet uploads them first, the server refuses a mutation whose blobs it lacks.
import type { Mutation } from './mutation.ts';

export function blobsOf(mutation: Mutation): string[] {
  switch (mutation.op) {
    case 'photo.add':
      return [mutation.payload.sha256, mutation.payload.thumbSha256];
    case 'signature.add':
      return [mutation.payload.pngSha256, mutation.payload.strokesSha256];
    default:
      return [];
  }
}
