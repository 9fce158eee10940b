// Pictures read faster than words in the sun, and an emoji may be missing from the tablet's
// fonts: small filled SVG shapes in the text colour. Sync states: a tablet (only here), an
// arrow going up (sending), a cloud with a tick (on the server), a warning triangle.
const PATHS = {
  local: 'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zM7 5v12h10V5zm4 14.5a1 1 0 1 0 2 0a1 1 0 1 0-2 0z',
  sending: 'M12 3l6 6h-4v6h-4V9H6zm-7 14h14v3H5z',
  synced: 'M7 19a5 5 0 0 1-.6-9.96A6.5 6.5 0 0 1 18.8 9.5 4.75 4.75 0 0 1 18 19zm3.4-3.2l6-6-1.4-1.4-4.6 4.6-2-2L7 12.4z',
  attention: 'M12 2L1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z',
  lock: 'M6 10V7a6 6 0 0 1 12 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1zm3 0h6V7a3 3 0 0 0-6 0z',
  person: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm-8 10a8 8 0 0 1 16 0z',
  key: 'M7 14a5 5 0 1 1 4.9-6H22v4h-2v3h-3v-3h-5.1A5 5 0 0 1 7 14zm0-3a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative: the text beside it says the same. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
