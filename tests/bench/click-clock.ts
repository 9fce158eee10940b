// The start of the benches' in-page clocks: the next click, at the page's own event timestamp
// (the performance.now() timeline every page-side figure is measured on). Each part's arming
// code reads it from window.benchClickAt to stop its clock against it.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** The timestamp of the first click after armClickStart(), NaN until that click. */
    benchClickAt?: number;
  }
}

/** Arms window.benchClickAt for the page's next click (seen first, in the capture phase). */
export function armClickStart(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.benchClickAt = Number.NaN;
    document.addEventListener(
      'click',
      (event) => {
        window.benchClickAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
  });
}
