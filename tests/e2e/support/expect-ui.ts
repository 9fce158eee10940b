// Retrying assertions on Playwright locators for vitest, which lacks Playwright's web-first
// matchers: each polls until the page agrees or the timeout fails the test.
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

const options = { timeout: 15_000, interval: 100 };

export const expectVisible = (target: Locator) => expect.poll(() => target.first().isVisible(), options).toBe(true);
export const expectHidden = (target: Locator) => expect.poll(() => target.first().isVisible(), options).toBe(false);
export const expectValue = (target: Locator, value: string) => expect.poll(() => target.inputValue(), options).toBe(value);
export const expectAttribute = (target: Locator, name: string, value: string | null) =>
  expect.poll(() => target.getAttribute(name), options).toBe(value);
export const expectText = (target: Locator, text: string | RegExp) =>
  expect.poll(async () => (await target.textContent()) ?? '', options).toMatch(text);
