/** Why the last tap was not saved, above the section it belongs to; nothing when all is saved. */
export function SaveFailure({ failure }: { failure: string | null }) {
  if (!failure) return null;
  return (
    <p className="banner banner-error" role="alert">
      {failure}
    </p>
  );
}
