import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { CatalogueItem } from '../../../shared/catalogue.ts';
import type { LineFields } from '../../../shared/estimate.ts';
import { formatFen } from '../../../shared/money.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { reloadCatalogue, type CatalogueState } from '../catalogue-store.ts';
import { pickLines } from '../pick-lines.ts';
import { CustomLineForm } from './CustomLineForm.tsx';
import { AddedBanner, WithParts, type AddedNote } from './PickNotes.tsx';
import '../estimate-terms.css';

/** Rows shown per search: a screenful; a longer list means the query needs another letter. */
const RESULT_LIMIT = 12;
/** Room kept under the results for the sticky ‹ 上一步 / 下一步 bar (and a little air). */
const RESULTS_CLEARANCE = 110;

type CataloguePickerProps = {
  catalogue: CatalogueState;
  /** Codes already on the estimate, marked in the results so nothing is added twice by mistake. */
  presentCodes: ReadonlySet<string>;
  onAdd: (fields: LineFields) => Promise<boolean>;
  /**
   * Adds a labour item and its parts as one pick (one transaction; resolves to the new lines'
   * ids, or null when nothing was saved) and takes such a pick back as a whole. Without it a
   * tap adds the item's own line only; without `undo` (追加项目, where a pick saves nothing
   * yet and goes on to a form) the pick is not offered for undoing.
   */
  picks?: { add: (fields: LineFields[]) => Promise<string[] | null>; undo?: (ids: string[]) => Promise<boolean> };
  /** Shown right under the results (the estimate's empty terms), kept in view with them. */
  footer?: ReactNode;
};


/**
 * Search the catalogue by code, name or pinyin initials and tap to add; or type a free line.
 * A labour item that carries its usual parts adds them too, in the same tap.
 */
export function CataloguePicker({ catalogue, presentCodes, onAdd, picks, footer }: CataloguePickerProps) {
  const { t, language } = useI18n();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const [customOpen, setCustomOpen] = useState(false);
  const [added, setAdded] = useState<AddedNote | null>(null);
  const [busyCode, setBusyCode] = useState<string | null>(null);

  const trimmed = query.trim();
  // Searched on every keystroke: the index answers in milliseconds (see the benchmark).
  const results = catalogue.status === 'ready' && trimmed !== '' ? catalogue.index.search(trimmed, RESULT_LIMIT) : [];

  // Results (or what follows them) that run under the sticky step bar would be tapped blind or
  // after a scroll: the search box goes to the top of the screen instead, so they have the screen.
  const searchRow = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  const shown = results.length;
  const hasFooter = Boolean(footer);
  useEffect(() => {
    const bottom = section.current?.getBoundingClientRect().bottom ?? 0;
    if (shown > 0 && bottom > window.innerHeight - RESULTS_CLEARANCE) searchRow.current?.scrollIntoView({ block: 'start' });
  }, [shown, trimmed, hasFooter]);
  // A line just added may leave the footer (the empty terms and their one tap) under the bar:
  // it comes up just enough to be seen.
  const footerBox = useRef<HTMLDivElement>(null);
  const lineCount = presentCodes.size;
  useEffect(() => {
    const bottom = footerBox.current?.getBoundingClientRect().bottom ?? 0;
    if (bottom > window.innerHeight - RESULTS_CLEARANCE) footerBox.current?.scrollIntoView({ block: 'nearest' });
  }, [lineCount, hasFooter]);

  async function addAndNote(fields: LineFields): Promise<boolean> {
    const ok = await onAdd(fields);
    if (ok) setAdded({ name: fields.description, parts: [], ids: [], kept: [], missing: [] });
    return ok;
  }

  async function add(item: CatalogueItem) {
    // One tap, one pick: a second tap while the first is saving is the same tap.
    if (busyCode !== null || catalogue.status !== 'ready') return;
    setBusyCode(item.code);
    const { add: lines, kept, missing } = pickLines(picks ? item : { ...item, parts: [] }, catalogue.byCode, presentCodes);
    const [own, ...parts] = lines;
    const ids = !own ? null : picks && parts.length > 0 ? await picks.add(lines) : (await onAdd(own)) ? [] : null;
    if (ids) setAdded({ name: item.name, parts: parts.map((line) => line.description), ids, kept: kept.map((part) => part.name), missing });
    setBusyCode(null);
  }

  async function undoPick(note: AddedNote) {
    if (!picks?.undo || busyCode !== null) return;
    setBusyCode(note.name);
    if (await picks.undo(note.ids)) setAdded({ ...note, undone: true });
    setBusyCode(null);
  }

  return (
    <section className="catalogue-picker" ref={section}>
      <div className="catalogue-search-row" ref={searchRow}>
        <div className="field search-field">
          <label htmlFor={`${resultsId}-search`}>{t('catalogue.search')}</label>
          <input
            id={`${resultsId}-search`}
            type="search"
            autoComplete="off"
            enterKeyHint="search"
            placeholder={t('catalogue.placeholder')}
            aria-controls={resultsId}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setAdded(null);
            }}
          />
        </div>
        <button type="button" className="btn btn-large" aria-expanded={customOpen} onClick={() => setCustomOpen(!customOpen)}>
          {t('custom.open')}
        </button>
      </div>
      {catalogue.status === 'loading' && <p className="catalogue-note">{t('catalogue.loading')}</p>}
      {catalogue.status === 'failed' && (
        <p className="banner banner-error" role="alert">
          {t('catalogue.failed', { reason: catalogue.reason })}{' '}
          <button type="button" className="btn" onClick={() => void reloadCatalogue()}>
            {t('catalogue.retry')}
          </button>
        </p>
      )}
      {added && <AddedBanner added={added} busy={busyCode !== null} onUndo={() => void undoPick(added)} />}
      <ul id={resultsId} className="catalogue-results" aria-label={t('catalogue.results')}>
        {results.map((item) => (
          <li key={`${item.kind}:${item.code}`}>
            <button type="button" className="catalogue-row" disabled={busyCode !== null} onClick={() => void add(item)}>
              <span className="catalogue-code">{item.code}</span>
              <span className="catalogue-name">
                {item.name}
                {presentCodes.has(item.code) && <span className="catalogue-present">{t('catalogue.onEstimate')}</span>}
                {picks && item.parts && catalogue.status === 'ready' && <WithParts item={item} byCode={catalogue.byCode} />}
              </span>
              <span className="catalogue-kind">{t(item.kind === 'labour' ? 'estimate.labour' : 'estimate.parts')}</span>
              <span className="catalogue-price">
                {formatFen(item.unitPriceFen, language)}
                {item.unit && <span className="catalogue-unit">/{item.unit}</span>}
              </span>
              <span className="catalogue-add" aria-hidden="true">＋</span>
            </button>
          </li>
        ))}
      </ul>
      {catalogue.status === 'ready' && trimmed !== '' && results.length === 0 && (
        <p className="catalogue-note">{t('catalogue.noMatch', { query: trimmed })}</p>
      )}
      {customOpen && <CustomLineForm onAdd={addAndNote} onClose={() => setCustomOpen(false)} />}
      {footer && (
        <div className="catalogue-footer" ref={footerBox}>
          {footer}
        </div>
      )}
    </section>
  );
}

