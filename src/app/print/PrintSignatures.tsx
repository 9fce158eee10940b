import { SignatureImage } from '../../features/signing/components/SignatureImage.tsx';
import { useSignatureStatuses } from '../../features/signing/hooks/use-signature-statuses.ts';
import type { Job } from '../../shared/job.ts';
import { formatLocalDateTime } from '../../shared/local-time.ts';
import { useI18n } from '../../ui/i18n.tsx';

/**
 * Every signature on the card, newest first, with its time and whether it still matches the
 * card: a stale one is printed as stale, because the copy must not claim more than it proves.
 */
export function PrintSignatures({ job }: { job: Job }) {
  const { t } = useI18n();
  const statuses = useSignatureStatuses(job);
  const signatures = Object.values(job.signatures).sort((a, b) => Date.parse(b.signedAt) - Date.parse(a.signedAt));
  if (signatures.length === 0) return null;
  return (
    <section className="print-section print-signatures">
      <h2>{t('step.signing')}</h2>
      <ul>
        {signatures.map((signature) => (
          <li key={signature.id}>
            <SignatureImage signature={signature} size="small" />
            <div>
              <strong>{t(`signing.kind.${signature.kind}`)}</strong>
              <div>{t('signing.signedBy', { name: signature.signerName, time: formatLocalDateTime(signature.signedAt) })}</div>
              <div>{statuses[signature.id] === 'stale' ? `⚠ ${t('signing.stale')}` : statuses[signature.id] === 'valid' ? `✓ ${t('signing.valid')}` : ''}</div>
              <small className="print-hash">SHA-256 {signature.contentHash.slice(0, 16)}…</small>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
