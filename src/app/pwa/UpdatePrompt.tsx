// Bottom banner offering a waiting app version. The advisor decides when to switch; the
// switch is refused while input is unsaved. Offline nothing changes: the banner only appears
// once the new version is fully downloaded, so switching works with no network.
import { useState, useSyncExternalStore } from 'react';
import { applyUpdate, updateAvailable } from './register-service-worker.ts';

export type UpdatePromptProps = {
  hasUnsavedInput: () => boolean;
  labels: { available: string; update: string; later: string; blocked: string };
};

export function UpdatePrompt({ hasUnsavedInput, labels }: UpdatePromptProps) {
  const available = useSyncExternalStore(
    updateAvailable.subscribe,
    updateAvailable.getSnapshot,
    updateAvailable.getSnapshot,
  );
  const [dismissed, setDismissed] = useState(false);
  const [blocked, setBlocked] = useState(false);

  if (!available || dismissed) return null;

  function handleUpdate() {
    setBlocked(applyUpdate(hasUnsavedInput) === 'blocked');
  }

  return (
    <section className="update-prompt" aria-label={labels.available}>
      <p role="status">{blocked ? labels.blocked : labels.available}</p>
      <button type="button" className="btn btn-primary" onClick={handleUpdate}>
        {labels.update}
      </button>
      <button type="button" className="btn" onClick={() => setDismissed(true)}>
        {labels.later}
      </button>
    </section>
  );
}
