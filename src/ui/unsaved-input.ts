// Which screens hold input not yet in IndexedDB. The update prompt asks before reloading, and
// refuses while anything here is pending, so a new version never eats an advisor's typing.
const pending = new Set<string>();

export function markUnsaved(source: string, unsaved: boolean): void {
  if (unsaved) pending.add(source);
  else pending.delete(source);
}

export function hasUnsavedInput(): boolean {
  return pending.size > 0;
}
