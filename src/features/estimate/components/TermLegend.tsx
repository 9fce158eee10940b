import { useI18n } from '../../../ui/i18n.tsx';
import '../estimate-terms.css';

/** An estimate term's legend, with "未选" while the term is empty on an estimate with lines. */
export function TermLegend({ label, flagged }: { label: string; flagged: boolean }) {
  const { t } = useI18n();
  return (
    <legend>
      {label}
      {flagged && <span className="term-unset-badge">{t('estimate.termUnset')}</span>}
    </legend>
  );
}
