import { useEffect, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { getBlob } from '../../../db/blob-store.ts';

type Loaded = { sha256: string; image: ImageBitmap | 'failed' };

/**
 * The stored image, decoded at its full stored resolution: what the annotation is drawn on
 * and saved from. null while loading, 'failed' when the bytes are missing or undecodable.
 * The bitmap is closed when no longer shown, since a decoded 1600 px photo holds ~8 MB.
 */
export function useImageBitmap(sha256: string): ImageBitmap | 'failed' | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let cancelled = false;
    let bitmap: ImageBitmap | null = null;
    (async () => {
      const row = await getBlob(db, sha256);
      if (!row) throw new Error(`no stored image ${sha256}`);
      const decoded = await createImageBitmap(new Blob([row.bytes], { type: row.mime }));
      if (cancelled) return decoded.close();
      bitmap = decoded;
      setLoaded({ sha256, image: decoded });
    })().catch(() => {
      if (!cancelled) setLoaded({ sha256, image: 'failed' });
    });
    return () => {
      cancelled = true;
      bitmap?.close();
    };
  }, [sha256]);
  return loaded?.sha256 === sha256 ? loaded.image : null;
}
