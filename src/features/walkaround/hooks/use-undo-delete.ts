import { useEffect, useEffectEvent, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { removePhoto, restorePhoto } from '../../../db/photo-repo.ts';
import { errorText } from '../../../shared/error-text.ts';

/** How long the undo stays on screen: long enough to read and reach with a thumb. */
export const UNDO_MS = 8000;

/**
 * Deletes a photo (a tombstone, so its bytes stay) and offers to undo it for UNDO_MS. The
 * offer is set before the delete is written, so a live list that empties first still finds
 * an undo to show. A second delete replaces the first offer, as in every mail app.
 */
export function useUndoDelete(jobId: string, onExpired: () => void) {
  const [deletedId, setDeletedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const expire = useEffectEvent(() => {
    setDeletedId(null);
    onExpired();
  });
  useEffect(() => {
    if (deletedId === null) return;
    const timer = setTimeout(expire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [deletedId]);

  async function remove(photoId: string): Promise<void> {
    setError(null);
    setDeletedId(photoId);
    try {
      await removePhoto(db, jobId, photoId);
    } catch (e) {
      setDeletedId(null);
      setError(errorText(e));
    }
  }

  /** Lifts the tombstone of the last delete; resolves to that photo's id, or null if none. */
  async function undo(): Promise<string | null> {
    const photoId = deletedId;
    if (photoId === null) return null;
    setDeletedId(null);
    try {
      await restorePhoto(db, jobId, photoId);
      return photoId;
    } catch (e) {
      setError(errorText(e));
      return null;
    }
  }

  return { deletedId, error, remove, undo };
}
