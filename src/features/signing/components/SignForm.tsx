import { useId, useState, type FormEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { addSignature, SignatureRefused, SignedContentChanged, type SignatureInput } from '../../../db/signature-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { signatureProblem } from '../../../shared/signature-rules.ts';
import { Field } from '../../../ui/Field.tsx';
import { useSignaturePad } from '../hooks/use-signature-pad.ts';
import { useI18n, type Translate } from '../../../ui/i18n.tsx';

type SignFormProps = {
  jobId: string;
  kind: SignatureKind;
  defaultName: string;
  /** For 追加项目: the customer's decisions, signed and saved with the signature. */
  decisions?: SignatureInput['decisions'];
  /** Why it cannot be signed yet (a line not decided), said instead of signing. */
  notReady?: string;
};

/** The signer's name, the pad with 清除 and 撤销一笔, and 确认签字. */
export function SignForm({ jobId, kind, defaultName, decisions, notReady }: SignFormProps) {
  const { t } = useI18n();
  const hintId = useId();
  const [name, setName] = useState(defaultName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const pad = useSignaturePad(() => setProblem(null));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const snapshot = pad.snapshot();
    if (saving || !snapshot) return;
    if (notReady) return setProblem(notReady);
    const signerName = name.trim();
    setNameError(signerName ? null : t('signing.nameRequired'));
    // The same rule addSignature applies, asked first so the message comes before the PNG work.
    const inkProblem = signatureProblem(snapshot.strokes, snapshot.pad);
    setProblem(inkProblem && t(`signing.${inkProblem}`));
    if (!signerName || inkProblem) return;
    setSaving(true);
    try {
      // On success CustomerMode sees the new signature (live query) and thanks the customer.
      await addSignature(db, jobId, {
        kind,
        signerName,
        strokes: snapshot.strokes,
        png: await snapshot.png(),
        pad: snapshot.pad,
        ...(decisions && { decisions }),
      });
    } catch (error) {
      setProblem(refusalMessage(error, t));
      setSaving(false);
    }
  }

  return (
    <form className="sign-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="sign-declaration">{t(`signing.declare.${kind}`)}</p>
      <Field label={t('signing.signerName')} error={nameError ?? undefined}>
        {(props) => (
          <input
            {...props}
            value={name}
            autoComplete="off"
            maxLength={50}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
            }}
          />
        )}
      </Field>
      <div className="sign-pad">
        <canvas ref={pad.canvasRef} className="sign-pad-canvas" role="img" aria-label={t('signing.pad')} aria-describedby={hintId} />
        <span className="sign-pad-guide" aria-hidden="true">
          ✕
        </span>
      </div>
      <p id={hintId} className="sign-pad-hint">
        {t('signing.padHint')}
      </p>
      <div className="sign-pad-tools">
        <button type="button" className="btn btn-large" disabled={pad.strokeCount === 0 || saving} onClick={pad.undo}>
          ↶ {t('signing.undo')}
        </button>
        <button type="button" className="btn btn-large" disabled={pad.strokeCount === 0 || saving} onClick={pad.clear}>
          {t('signing.clear')}
        </button>
      </div>
      {problem && (
        <p className="sign-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-large sign-submit" disabled={saving}>
        {saving ? t('signing.saving') : `✓ ${t('signing.submit')}`}
      </button>
    </form>
  );
}

function refusalMessage(error: unknown, t: Translate): string {
  if (error instanceof SignatureRefused) {
    if (error.code === 'empty' || error.code === 'tooShort') return t(`signing.${error.code}`);
    if (error.code === 'noSignerName') return t('signing.nameRequired');
  }
  if (error instanceof SignedContentChanged) return t('signing.changed');
  return t('signing.failed', { reason: errorText(error) });
}
