import type { ImportMode } from '../../../db/catalogue-repo.ts';
import type { CsvRowError } from '../../../shared/catalogue-csv.ts';
import type { CatalogueItem } from '../../../shared/catalogue.ts';
import { useI18n } from '../../../ui/i18n.tsx';

export type ParsedFile = {
  name: string;
  encoding: string;
  items: CatalogueItem[];
  errors: CsvRowError[];
  /** Items in the catalogue now, which 替换全部 would delete. */
  existing: number;
};

/** A long error list is a wrong file, not a list to read: the first rows say enough. */
const SHOWN_ERRORS = 50;

type ImportPreviewProps = {
  file: ParsedFile;
  busy: ImportMode | null;
  error: string | null;
  onImport: (mode: ImportMode) => void;
  onCancel: () => void;
};

/** What a CSV file would import and which rows are wrong, before anything is written. */
export function ImportPreview({ file, busy, error, onImport, onCancel }: ImportPreviewProps) {
  const { t } = useI18n();
  const { items, errors } = file;
  const messageOf = (e: CsvRowError) => t(e.code, { ...e.params, line: e.line, column: e.column ?? '' });
  return (
    <div className="import-preview">
      <p className="import-file">
        <strong>{file.name}</strong> · {t('csv.encoding', { encoding: file.encoding })}
      </p>
      <p className={`banner ${errors.length > 0 ? 'banner-error' : 'banner-info'}`} role="status">
        {t('csv.summary', { count: items.length, errors: new Set(errors.map((e) => e.line)).size })}
      </p>
      {errors.length > 0 && (
        <ol className="import-errors">
          {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
            <li key={`${e.line}:${e.code}:${i}`}>{messageOf(e)}</li>
          ))}
          {errors.length > SHOWN_ERRORS && <li>{t('csv.moreErrors', { count: errors.length - SHOWN_ERRORS })}</li>}
        </ol>
      )}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {busy !== null ? (
        <p className="csv-progress" role="status">
          <progress />
          {t('csv.importing', { count: items.length })}
        </p>
      ) : items.length === 0 ? (
        <p className="banner banner-error">{t('csv.nothing')}</p>
      ) : (
        <ul className="import-modes">
          <li>
            <button type="button" className="btn btn-primary btn-large" onClick={() => onImport('merge')}>
              {t('csv.merge')}
            </button>
            <span className="field-hint">{t('csv.mergeHint')}</span>
          </li>
          <li>
            <button type="button" className="btn btn-large import-replace" onClick={() => onImport('replace')}>
              {t('csv.replace')}
            </button>
            <span className="field-hint">{t('csv.replaceHint', { count: file.existing })}</span>
          </li>
        </ul>
      )}
      <button type="button" className="btn btn-large" disabled={busy !== null} onClick={onCancel}>
        {t('csv.cancel')}
      </button>
    </div>
  );
}
