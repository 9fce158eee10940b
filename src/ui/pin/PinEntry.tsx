import { useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { PinPad } from './PinPad.tsx';
import type { PinTriesStore } from './pin-tries.ts';
import { usePinWait } from './use-pin-wait.ts';

type PinEntryProps = {
  /** The field's label, e.g. 顾问 PIN. */
  label: string;
  /** Resolves true when the PIN is right; whatever it unlocks is then already unlocked. */
  verify: (pin: string) => Promise<boolean>;
  tries: PinTriesStore;
  onUnlocked: () => void;
  /** Buttons before the unlock button (cancel, another advisor). */
  actions?: ReactNode;
  /** What Escape does, if anything (closes a dialog). */
  onEscape?: () => void;
};

/**
 * A PIN to unlock something: field, digit pad, unlock button, and the wrong-PIN message with
 * a visible countdown during the pause after five wrong tries (pin-tries.ts).
 */
export function PinEntry({ label, verify, tries, onUnlocked, actions, onEscape }: PinEntryProps) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const wait = usePinWait(tries);
  const { waiting } = wait;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (checking || tries.waitMs() > 0 || pin === '') return;
    setChecking(true);
    const ok = await verify(pin).catch(() => false);
    if (ok) {
      tries.reset();
      onUnlocked();
      return;
    }
    tries.recordWrong();
    wait.refresh();
    setPin('');
    setError(t('pin.wrong'));
    setChecking(false);
  }

  const message = wait.message ?? error;
  return (
    <form className="pin-entry" noValidate onSubmit={(e) => void submit(e)}>
      <Field label={label} error={message ?? undefined}>
        {(props) => (
          <input
            {...props}
            className="pin-input"
            type="password"
            // The pad below types the digits; the system keyboard would cover it.
            inputMode="none"
            autoComplete="off"
            maxLength={8}
            autoFocus
            disabled={waiting}
            value={pin}
            onChange={(e) => {
              setPin(e.target.value.replace(/\D/g, ''));
              setError(null);
            }}
            onKeyDown={(e) => e.key === 'Escape' && onEscape?.()}
          />
        )}
      </Field>
      <PinPad
        value={pin}
        disabled={waiting || checking}
        onChange={(next) => {
          setPin(next);
          setError(null);
        }}
      />
      <div className="pin-actions">
        {actions}
        <button type="submit" className="btn btn-primary btn-large" disabled={waiting || checking || pin === ''}>
          {t('pin.unlock')}
        </button>
      </div>
    </form>
  );
}
