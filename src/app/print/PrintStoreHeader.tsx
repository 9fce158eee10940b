import type { StoreProfile } from '../../db/store-profile.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useBlobUrl } from '../../ui/use-blob-url.ts';

type PrintStoreHeaderProps = {
  store: StoreProfile;
  jobNumber: string;
  /** The advisor signed in on this tablet; null when none is (a tablet not connected to a store). */
  advisorName: string | null;
};

/**
 * The head of the customer's copy: the store's name, address and phone as its profile gives
 * them, the document's title and number, and the advisor. A line with nothing to say is left
 * out, never printed blank or guessed.
 */
export function PrintStoreHeader({ store, jobNumber, advisorName }: PrintStoreHeaderProps) {
  const { t } = useI18n();
  const hasStore = store.name !== '' || store.address !== '' || store.phone !== '' || store.logo !== undefined;
  // The logo the store uploaded, from the tablet's own copy of its bytes (none until fetched).
  const logoUrl = useBlobUrl(store.logo?.sha256);
  return (
    <header className="print-header">
      {hasStore && (
        <div className="print-store">
          {logoUrl && <img className="print-store-logo" src={logoUrl} alt={store.name} />}
          {store.name && <strong className="print-store-name">{store.name}</strong>}
          {store.address && <div>{store.address}</div>}
          {store.phone && <div>{t('print.storePhone', { phone: store.phone })}</div>}
        </div>
      )}
      <h1>{t('print.title')}</h1>
      <div>
        <strong>{jobNumber}</strong> · {t('print.customerCopy')}
      </div>
      {advisorName && <div>{t('print.advisor', { name: advisorName })}</div>}
    </header>
  );
}
