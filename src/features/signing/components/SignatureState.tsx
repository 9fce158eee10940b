import type { DocumentSignatureState } from '../../../shared/signed-content.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type SignatureStateProps = { state: DocumentSignatureState; long?: boolean };

/** ✓ valid, ⚠ stale (changed after signing), not signed, or still checking: as a badge. */
export function SignatureState({ state, long = false }: SignatureStateProps) {
  const { t } = useI18n();
  const text = {
    valid: `✓ ${t('signing.valid')}`,
    stale: `⚠ ${t(long ? 'signing.stale' : 'signing.staleShort')}`,
    unsigned: t('signing.none'),
    checking: t('signing.checking'),
  }[state];
  return <span className={`sign-state sign-state-${state}`}>{text}</span>;
}
