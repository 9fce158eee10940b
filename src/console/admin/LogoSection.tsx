// The store's logo, printed at the head of the customer's copy: shown as it is, replaced by a
// PNG or JPEG of at most 200 KB, or removed. The tablets fetch it with the profile at their
// next sync and print it offline.
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { ADMIN_API } from '../../shared/console/admin-api.ts';
import { STORE_LOGO_MAX_BYTES, STORE_LOGO_TYPES, storeProfileResponseSchema, type StoreLogo } from '../../shared/store-profile.ts';
import { consoleApi } from '../console-api.ts';
import { useSay, type Words } from '../language.tsx';
import { Problem, useAction } from './admin-ui.tsx';

const L = {
  title: { zh: '门店标志（打印在客户联顶部）', en: 'Store logo (printed at the top of the customer copy)' },
  none: { zh: '还没有标志。', en: 'No logo yet.' },
  choose: { zh: '选择 PNG 或 JPEG 图片（不超过 {kb} KB）', en: 'Choose a PNG or JPEG image (at most {kb} KB)' },
  remove: { zh: '移除标志', en: 'Remove the logo' },
  saved: { zh: '已保存。平板下次同步后在客户联上打印。', en: 'Saved. The tablets print it after their next sync.' },
  tooLarge: { zh: '图片有 {kb} KB，超过 {max} KB。请缩小后再选。', en: 'The image is {kb} KB, more than {max} KB. Make it smaller and choose it again.' },
  wrongType: { zh: '只能用 PNG 或 JPEG 图片。', en: 'Only a PNG or JPEG image can be used.' },
  alt: { zh: '门店标志', en: 'Store logo' },
} satisfies Record<string, Words>;

const LOGO_API = `${ADMIN_API}/store-profile/logo`;
const MAX_KB = STORE_LOGO_MAX_BYTES / 1024;

export function LogoSection() {
  const say = useSay();
  const [logo, setLogo] = useState<StoreLogo | null | undefined>(undefined);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, problem, run } = useAction();

  const load = useCallback(
    () => run(async () => setLogo((await consoleApi(`${ADMIN_API}/store-profile`, { schema: storeProfileResponseSchema })).profile.logo ?? null)),
    [run],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setNote('');
    setRefusal(null);
    if (!file) return;
    // Said before anything is sent; the server checks the bytes again.
    if (!(STORE_LOGO_TYPES as readonly string[]).includes(file.type)) return setRefusal(say(L.wrongType));
    if (file.size > STORE_LOGO_MAX_BYTES) return setRefusal(say(L.tooLarge, { kb: Math.ceil(file.size / 1024), max: MAX_KB }));
    const answer = await run(() => consoleApi(LOGO_API, { method: 'PUT', body: file, schema: storeProfileResponseSchema }));
    if (answer) {
      setLogo(answer.profile.logo ?? null);
      setNote(say(L.saved));
    }
  };

  const remove = async () => {
    setNote('');
    const answer = await run(() => consoleApi(LOGO_API, { method: 'DELETE', schema: storeProfileResponseSchema }));
    if (answer) setLogo(answer.profile.logo ?? null);
  };

  return (
    <section aria-label={say(L.title)} className="console-card admin-logo">
      <h3>{say(L.title)}</h3>
      {logo ? <img src={`/api/v1/console/archive/blobs/${logo.sha256}`} alt={say(L.alt)} style={{ maxHeight: 64, maxWidth: 240 }} /> : logo === null && <p className="console-hint">{say(L.none)}</p>}
      <label className="console-field">
        {say(L.choose, { kb: MAX_KB })}
        <input type="file" accept={STORE_LOGO_TYPES.join(',')} disabled={busy} onChange={(event) => void choose(event)} />
      </label>
      {logo && (
        <button type="button" className="console-button console-danger" disabled={busy} onClick={() => void remove()}>
          {say(L.remove)}
        </button>
      )}
      {note && (
        <p role="status" className="console-ok">
          {note}
        </p>
      )}
      <Problem text={refusal ?? problem} />
    </section>
  );
}
