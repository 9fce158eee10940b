import { useId } from 'react';
import type { EstimateLine, LineFields, LineKind } from '../../../shared/estimate.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { LineRow } from './LineRow.tsx';

type LineGroupProps = {
  kind: LineKind;
  /** Live lines of this kind, oldest first. */
  lines: EstimateLine[];
  unitOf: (code: string) => string | undefined;
  onChange: (id: string, fields: Partial<LineFields>) => void;
  onRemove: (line: EstimateLine) => void;
};

/** 工时 or 配件: the lines of one kind, as the printed 估价单 groups them. */
export function LineGroup({ kind, lines, unitOf, onChange, onRemove }: LineGroupProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="line-group" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t(kind === 'labour' ? 'estimate.labour' : 'estimate.parts')}
        <span className="line-count">{t('estimate.groupCount', { count: lines.length })}</span>
      </h4>
      {lines.length === 0 ? (
        <p className="empty">{t(kind === 'labour' ? 'estimate.noLabour' : 'estimate.noParts')}</p>
      ) : (
        <ol className="lines">
          {lines.map((line) => (
            <LineRow
              key={line.id}
              line={line}
              unit={line.code ? unitOf(line.code) : undefined}
              onChange={(fields) => onChange(line.id, fields)}
              onRemove={() => onRemove(line)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
