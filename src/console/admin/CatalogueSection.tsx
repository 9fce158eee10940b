// The catalogue CSV import: choose a file (refused at once above the size limit), read it as
// UTF-8 or GBK as the tablet's import does, let the server preview it (good rows, the first of
// them, every bad row in the same sentences the command line prints), then import only on
// confirmation and only when no row is bad: an import replaces the store's whole catalogue.
import { useState, type ChangeEvent } from 'react';
import { ADMIN_API, MAX_CATALOGUE_CSV_BYTES, PREVIEW_ROWS, catalogueImportResponseSchema, cataloguePreviewResponseSchema, type CataloguePreview } from '../../shared/console/admin-api.ts';
import { formatFen } from '../../shared/money.ts';
import { decodeCsvFile } from '../../shared/csv-file.ts';
import { ESTIMATE_MESSAGES } from '../../ui/messages/estimate.ts';
import { consoleApi } from '../console-api.ts';
import { useLanguage, useSay } from '../language.tsx';
import { Problem, useAction } from './admin-ui.tsx';
import { W } from './messages.ts';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function CatalogueSection() {
  const say = useSay();
  const { language } = useLanguage();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<CataloguePreview | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [imported, setImported] = useState<{ count: number; version: number } | null>(null);
  const { busy, problem, run } = useAction();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(null);
    setPreview(null);
    setImported(null);
    setTooLarge(null);
    if (!chosen) return;
    if (chosen.size > MAX_CATALOGUE_CSV_BYTES) return setTooLarge(say(W.tooLarge, { size: mb(chosen.size), max: mb(MAX_CATALOGUE_CSV_BYTES) }));
    await run(async () => {
      const { text } = await decodeCsvFile(chosen);
      setPreview(await consoleApi(`${ADMIN_API}/catalogue/preview`, { method: 'POST', body: { csv: text }, schema: cataloguePreviewResponseSchema }));
      setFile({ name: chosen.name, csv: text });
    });
  }

  async function importNow() {
    if (!file) return;
    const answer = await run(() => consoleApi(`${ADMIN_API}/catalogue`, { method: 'PUT', body: { csv: file.csv }, schema: catalogueImportResponseSchema }));
    if (!answer) return;
    setImported(answer);
    setPreview(null);
    setFile(null);
  }

  const words = ESTIMATE_MESSAGES[language];
  return (
    <section aria-labelledby="admin-catalogue" className="admin-section">
      <h2 id="admin-catalogue">{say(W.catalogue)}</h2>
      <p className="console-hint">{words['csv.hint']}</p>
      <label className="console-field">
        {say(W.chooseCsv)}
        <input type="file" accept=".csv,.txt,text/csv,text/plain" disabled={busy} onChange={(e) => void choose(e)} />
      </label>
      <Problem text={tooLarge ?? problem} />
      {imported && (
        <p role="status" className="console-ok">
          {say(W.imported, imported)}
        </p>
      )}
      {preview && file && (
        <div className="console-card" aria-live="polite">
          <p>{say(W.previewOf, { file: file.name, count: preview.count, bad: preview.errorCount })}</p>
          <p>{say(W.replaces, { count: preview.currentCount })}</p>
          {preview.errorCount > 0 ? (
            <BadRows preview={preview} />
          ) : (
            <button type="button" className="console-button console-primary" disabled={busy || preview.count === 0} onClick={() => void importNow()}>
              {busy ? say(W.working) : say(W.importNow, { count: preview.count })}
            </button>
          )}
          {preview.first.length > 0 && (
            <table className="console-table" aria-label={say(W.firstRows, { n: PREVIEW_ROWS })}>
              <caption>{say(W.firstRows, { n: Math.min(PREVIEW_ROWS, preview.first.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{say(W.code)}</th>
                  <th scope="col">{say(W.kind)}</th>
                  <th scope="col">{say(W.itemName)}</th>
                  <th scope="col">{say(W.unit)}</th>
                  <th scope="col" className="number">
                    {say(W.price)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.first.map((item) => (
                  <tr key={item.code}>
                    <td>{item.code}</td>
                    <td>{say(item.kind === 'labour' ? W.labour : W.part)}</td>
                    <td>{item.name}</td>
                    <td>{item.unit}</td>
                    <td className="number">{formatFen(item.unitPriceFen, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function BadRows({ preview }: { preview: CataloguePreview }) {
  const say = useSay();
  const { language } = useLanguage();
  return (
    <div role="alert">
      <p className="console-error">{say(W.cannotImport)}</p>
      <h3>{say(W.badRows)}</h3>
      <ul className="admin-bad-rows">
        {preview.errors.map((error, i) => (
          <li key={i}>{language === 'en' ? error.en : error.zh}</li>
        ))}
      </ul>
      {preview.errorCount > preview.errors.length && <p>{say(W.moreErrors, { n: preview.errorCount - preview.errors.length })}</p>}
    </div>
  );
}
