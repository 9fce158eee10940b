// The camera (the file chooser on a desktop) opened by the damage choice itself, so marking a
// photographed damage is the diagram's tap and the choice's tap. The browser opens a chooser only
// inside a tap's own handler (user activation: after an await it may refuse), so this runs
// synchronously there, before the mark is written.

/**
 * Opens the camera at once and resolves with the photos taken or chosen, or none when the advisor
 * cancels. The input is made here and kept in the document (hidden) until the chooser closes: the
 * choice panel that was tapped is replaced by the mark's editor long before the camera returns,
 * and an input that went with it would report its files to nobody.
 */
export function openCamera(): Promise<File[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/*';
  input.multiple = true;
  input.setAttribute('capture', 'environment');
  input.hidden = true;
  input.dataset.damageCamera = '';
  // A browser without the cancel event leaves its input behind: one is enough, the last one.
  for (const old of document.querySelectorAll('input[data-damage-camera]')) old.remove();
  document.body.append(input);
  const closed = new Promise<File[]>((resolve) => {
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
  });
  input.click();
  return closed;
}
