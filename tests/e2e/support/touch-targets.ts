// Touch targets (issue 11: every control at least 44×44 px, for an advisor in a hurry with a
// tablet in one hand): the controls a page shows that are smaller, named for the failure.
import type { Page } from 'playwright-core';

export const MIN_TARGET_PX = 44;

/**
 * Every visible control smaller than 44×44 css px, described so the failure names it, and
 * how many were measured (a page that has not rendered its controls yet must not pass). With
 * `within` (a CSS selector), only the controls inside what it matches: a dialog, not the page under it.
 */
export function smallControls(page: Page, where: string, within?: string): Promise<{ measured: number; offenders: string[] }> {
  return page.evaluate(
    ({ min, where: place, within: scope }) => {
      const selector = 'button, input:not([type="hidden"]), select, textarea, [role="button"], a[href], [role="link"]';
      const roots = scope === undefined ? [document] : [...document.querySelectorAll(scope)];
      const offenders: string[] = [];
      let measured = 0;
      for (const el of roots.flatMap((root) => [...root.querySelectorAll(selector)])) {
        // Hidden, or transparent like the file input whose label is the button (the label is
        // what the finger hits): not a target of its own.
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        measured += 1;
        // Rounded: a box of 43.99 px is a rounding of layout, not a small target.
        if (Math.round(r.width) >= min && Math.round(r.height) >= min) continue;
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        const role = el.getAttribute('role') ?? el.getAttribute('type') ?? '';
        offenders.push(
          `${place}: <${el.tagName.toLowerCase()}${role ? ` ${role}` : ''} class="${el.getAttribute('class') ?? ''}"> "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
      return { measured, offenders };
    },
    { min: MIN_TARGET_PX, where, within },
  );
}
