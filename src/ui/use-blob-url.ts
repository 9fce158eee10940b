import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../db/instance.ts';
import { getBlob } from '../db/blob-store.ts';

type Shown = { sha256: string; url: string };

/**
 * An object URL for a stored blob (photo or thumbnail), undefined while it loads or when this
 * device does not hold the bytes. The URL is made in an effect and revoked by that effect's
 * cleanup, so a changed hash, an unmount, or React's double effects in development never
 * leave a URL pointing at freed bytes or leak one.
 */
export function useBlobUrl(sha256: string | null | undefined): string | undefined {
  const row = useLiveQuery(() => (sha256 ? getBlob(db, sha256) : undefined), [sha256]);
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    if (!row) return;
    const url = URL.createObjectURL(new Blob([row.bytes], { type: row.mime }));
    setShown({ sha256: row.sha256, url });
    return () => URL.revokeObjectURL(url);
  }, [row]);
  // While a new hash loads, the old URL (already revoked) is not returned.
  return shown && row && shown.sha256 === sha256 && row.sha256 === sha256 ? shown.url : undefined;
}
