// The catalogue picker's words about a pick: what a labour row brings along, and what one tap
// added, kept or could not add, with the undo of a pick of several lines.
import type { CatalogueItem } from '../../../shared/catalogue.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { formatQuantity } from '../line-input.ts';
import { partItem } from '../pick-lines.ts';
import '../catalogue-picker.css';

/**
 * What the last tap added, shown under the search: the item, the parts that came with it (and
 * their lines' ids, for the undo), and the parts that did not come; `undone` once taken back.
 */
export type AddedNote = { name: string; parts: string[]; ids: string[]; kept: string[]; missing: string[]; undone?: boolean };

/** "含 全合成机油 5W-30 ×4 升、机油滤清器 ×1 个": what one tap on a labour row brings along. */
export function WithParts({ item, byCode }: { item: CatalogueItem; byCode: ReadonlyMap<string, CatalogueItem> }) {
  const { t } = useI18n();
  const parts = (item.parts ?? []).map(({ code, quantityMilli }) => {
    const part = partItem(byCode, code);
    return part ? `${part.name} ×${formatQuantity(quantityMilli)} ${part.unit}`.trim() : t('catalogue.partMissing', { code });
  });
  return <span className="catalogue-with">{t('catalogue.withParts', { parts: parts.join('、') })}</span>;
}

type AddedBannerProps = { added: AddedNote; busy: boolean; onUndo: () => void };

/**
 * ✓ 已添加 and what came with it. A pick of several lines is undone here, in place, as a whole:
 * a snackbar at the foot of the screen would sit over the terms the advisor taps next.
 */
export function AddedBanner({ added, busy, onUndo }: AddedBannerProps) {
  const { t } = useI18n();
  const { name, parts, ids, kept, missing, undone } = added;
  if (undone) {
    return (
      <p className="banner banner-info" role="status">
        {t('catalogue.pickUndone', { name, count: parts.length })}
      </p>
    );
  }
  return (
    <div className="banner banner-ok catalogue-added" role="status">
      <div>
        <p>✓ {parts.length > 0 ? t('catalogue.addedWithParts', { name, parts: parts.join('、') }) : t('catalogue.added', { name })}</p>
        {kept.length > 0 && <p className="catalogue-pick-note">{t('catalogue.partsKept', { parts: kept.join('、') })}</p>}
        {missing.length > 0 && <p className="catalogue-pick-note">{t('catalogue.partsSkipped', { codes: missing.join('、') })}</p>}
      </div>
      {ids.length > 1 && (
        <button type="button" className="btn btn-large" disabled={busy} onClick={onUndo}>
          {t('line.undo')}
        </button>
      )}
    </div>
  );
}
