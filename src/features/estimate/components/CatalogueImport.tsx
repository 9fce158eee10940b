import { useId, useState, type ChangeEvent } from 'react';
import { catalogueCount, importCatalogue, type ImportMode } from '../../../db/catalogue-repo.ts';
import { loadInitials } from '../../../shared/catalogue-initials.ts';
import { db } from '../../../db/instance.ts';
import { errorText } from '../../../shared/error-text.ts';
import { parseCatalogueCsv } from '../../../shared/catalogue-csv.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { catalogueSnapshot, reloadCatalogue } from '../catalogue-store.ts';
import { decodeCsvFile } from '../../../shared/csv-file.ts';
import { ImportPreview, type ParsedFile } from './ImportPreview.tsx';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; file: ParsedFile; busy: ImportMode | null; error: string | null }
  | { kind: 'done'; count: number; total: number }
  | { kind: 'unreadable'; reason: string };


/**
 * 导入目录 (CSV), for the store admin: read a file, show what would be imported and what is
 * wrong with it, and write nothing until merge or replace is tapped.
 */
export function CatalogueImport() {
  const { t } = useI18n();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again (after fixing it in Excel) reads it again.
    event.target.value = '';
    if (!file) return;
    setStage({ kind: 'reading', name: file.name });
    try {
      // The pinyin table is large and only needed here, so it loads on the first import.
      const [decoded, initialsOf, existing] = await Promise.all([decodeCsvFile(file), loadInitials(), catalogueCount(db)]);
      // A labour row may name a part the tablet already has (a merge); a part in neither is an error.
      const current = catalogueSnapshot();
      const { items, errors } = parseCatalogueCsv(decoded.text, initialsOf, current.status === 'ready' ? current.byCode : undefined);
      setStage({ kind: 'preview', file: { name: file.name, encoding: decoded.encoding, items, errors, existing }, busy: null, error: null });
    } catch (e) {
      setStage({ kind: 'unreadable', reason: errorText(e) });
    }
  }

  async function confirm(file: ParsedFile, mode: ImportMode) {
    setStage({ kind: 'preview', file, busy: mode, error: null });
    try {
      await importCatalogue(db, file.items, mode);
      const total = await catalogueCount(db);
      await reloadCatalogue();
      setStage({ kind: 'done', count: file.items.length, total });
    } catch (e) {
      setStage({ kind: 'preview', file, busy: null, error: t('csv.failed', { reason: errorText(e) }) });
    }
  }

  const busy = stage.kind === 'reading' || (stage.kind === 'preview' && stage.busy !== null);
  return (
    <section className="catalogue-import">
      <button type="button" className="btn" aria-expanded={open} disabled={busy} onClick={() => setOpen(!open)}>
        {t('csv.open')} {open ? '▴' : '▾'}
      </button>
      {open && (
        <div className="catalogue-import-panel">
          <p className="field-hint">{t('csv.hint')}</p>
          {stage.kind !== 'preview' && (
            <label className={`btn btn-large csv-file${busy ? ' csv-file-busy' : ''}`} htmlFor={inputId}>
              {t('csv.file')}
              <input id={inputId} className="csv-input" type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void read(e)} />
            </label>
          )}
          {stage.kind === 'reading' && (
            <p className="csv-progress" role="status">
              <progress />
              {t('csv.reading', { name: stage.name })}
            </p>
          )}
          {stage.kind === 'unreadable' && (
            <p className="banner banner-error" role="alert">
              {t('csv.unreadable', { reason: stage.reason })}
            </p>
          )}
          {stage.kind === 'done' && (
            <p className="banner banner-ok" role="status">
              ✓ {t('csv.done', { count: stage.count, total: stage.total })}
            </p>
          )}
          {stage.kind === 'preview' && (
            <ImportPreview
              file={stage.file}
              busy={stage.busy}
              error={stage.error}
              onImport={(mode) => void confirm(stage.file, mode)}
              onCancel={() => setStage({ kind: 'idle' })}
            />
          )}
        </div>
      )}
    </section>
  );
}
