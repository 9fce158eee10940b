// Issue 11's desk-speed figures, in the built app on a 1280x800 touch tablet (landscape, touch,
// not a phone), offline: the standard check-in of the issue done through the real UI, then the
// same car's second visit with nothing changed on it, each counted per section.
//
// What is counted, and where:
// - Taps: in the page, by a capturing pointerdown listener (trusted, primary pointer): one per
//   tap whatever the script used (tap() or click()), and nothing the script does without a
//   pointer (fill, focus) counts. Pointerdowns on the signature pad are the customer's strokes,
//   counted apart. Focusing a field to type in it is not a tap: the typed field is its own count.
// - Typed fields and characters: as the script types them (fill), characters as code points.
// - Off-screen: before every tap (and every typed field) the script asks the page whether the
//   target's centre is inside the viewport and not under anything else (the sticky step bar),
//   before anything scrolls; a target that was not is one the advisor had to scroll to find.
// - A tap that moves to a section (下一步, the step bar) counts in the section it leads to.
// The advisor's PIN is set once before counting (a tablet's first hand-over), as on any day
// after the first. The camera is the browser's file chooser: the tap on 拍照 is counted, the
// camera app's own shutter is not. Every run checks the card it made in IndexedDB.
// Where the app offers a faster way (the returning car's 全部无变化, one hand-over for every
// document, the store's estimate defaults), the script takes it, as an advisor would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import sharp from 'sharp';
import { MESSAGES } from '../../src/ui/messages.ts';
import { CHROMIUM, CHROMIUM_ARGS, TABLET, newProfileDir, startServer, waitForServiceWorker, watchErrors } from '../e2e/support/browser.ts';
import { readObjectStores } from '../e2e/support/indexed-db.ts';
import { drawSignature } from '../e2e/support/signature.ts';
import { defer } from './cleanup.ts';
import { zh } from './zh.ts';

export const TAP_SECTIONS = ['customer', 'vehicle', 'condition', 'walkaround', 'estimate', 'signing', 'print'] as const;
export type TapSection = (typeof TAP_SECTIONS)[number];

export type TapsBenchOptions = {
  pin: string;
  customer: { name: string; phone: string };
  /** Province character first, then the letters and digits, all on the plate keyboard. */
  plate: string;
  vin: string;
  model: string;
  /** Mileage at the first and at the second visit. */
  odometerKm: [number, number];
  fuel: string;
  warningLight: string;
  serviceType: string;
  complaint: string;
  /** Three marks, each on its own view, each with one photo. */
  marks: { view: string; type: string; severity: string; at: { x: number; y: number } }[];
  /** The estimate: each search as typed and the catalogue rows (by code) tapped from its results. */
  searches: { query: string; codes: string[] }[];
  /** Message keys of the chips chosen for 交车时间, 旧件, 结账方式 and 洗车. */
  terms: { promisedAt: string; oldParts: string; payment: string; carWash: string };
};

export type SectionTally = {
  section: TapSection;
  taps: number;
  /** Taps whose target was not in view (or was covered) before the script scrolled to it. */
  offscreenTaps: number;
  typedFields: number;
  typedChars: number;
  offscreenFields: number;
  /** Pointer strokes on the signature pad. */
  strokes: number;
  /** What each counted tap landed on, in order. */
  tapped: string[];
  /** The controls of the off-screen taps. */
  offscreen: string[];
};

export type VisitResult = {
  key: 'standard' | 'second';
  sections: SectionTally[];
  total: Omit<SectionTally, 'section' | 'tapped' | 'offscreen'>;
  /** Taps the script made, to cross-check the page's count. */
  driverTaps: number;
  /** The faster ways the UI offered and the script took, and those it did not find. */
  paths: string[];
  /** The signature pad was not in view when the customer was to sign (times). */
  padOffscreen: number;
};

export type TapsBenchResult = { browserVersion: string; origin: string; viewport: { width: number; height: number }; visits: VisitResult[] };

/** The tablet of the issue: 1280x800 landscape, touch, not a phone. */
const VIEWPORT = { width: 1280, height: 800 };
const COUNT_KEY = 'walkaround-bench-taps';
const SECTION_KEY = 'walkaround-bench-section';
const LONG = { timeout: 30_000 };

const zhCN = MESSAGES['zh-CN'] as Record<string, string | undefined>;
/** A message of a faster way that may not exist in this build yet. */
const maybe = (key: string): string | null => zhCN[key] ?? null;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^\\s*${escape(text)}\\s*$`);
/** A message with a count in it, as a pattern of its words before the count: 全部无变化（{count} 处） → /全部无变化/. */
const lead = (text: string) => new RegExp(escape(text.split('{')[0]?.replace(/（$/, '') ?? text));

/**
 * The page's own count: every trusted primary pointerdown goes to sessionStorage (so customer
 * mode and reloads keep it) with the section the script is in. A string, so nothing of tsx's
 * output goes into the page. window.print is the browser's dialog: recorded, not opened.
 */
const counterScript = (padLabel: string) => `(() => {
  if (window.__walkaroundBenchTaps) return;
  window.__walkaroundBenchTaps = true;
  window.print = () => sessionStorage.setItem('walkaround-bench-printed', String(Date.now()));
  document.addEventListener('pointerdown', (event) => {
    if (!event.isTrusted || !event.isPrimary) return;
    const target = event.target instanceof Element ? event.target : null;
    const onPad = !!target && target.closest('canvas[aria-label=${JSON.stringify(padLabel)}]') !== null;
    const control = target ? target.closest('button, a, input, label, select, textarea, [role]') : null;
    const name = control ? (control.getAttribute('aria-label') || control.textContent || control.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40) : '(page)';
    const taps = JSON.parse(sessionStorage.getItem(${JSON.stringify(COUNT_KEY)}) || '[]');
    taps.push({ section: sessionStorage.getItem(${JSON.stringify(SECTION_KEY)}) || '(none)', onPad, target: name });
    sessionStorage.setItem(${JSON.stringify(COUNT_KEY)}, JSON.stringify(taps));
  }, { capture: true });
})();`;

type PageTap = { section: string; onPad: boolean; target: string };

/**
 * Whether the element's centre (or `at`, relative to it) is in the viewport and on top there,
 * and what the element is called (for the list of those that were not).
 */
function inView(target: Locator, at?: { x: number; y: number }): Promise<{ visible: boolean; name: string }> {
  return target.evaluate((element, point) => {
    const name = (element.getAttribute('aria-label') || element.textContent || element.tagName).trim().replace(/\s+/g, ' ').slice(0, 30);
    const box = element.getBoundingClientRect();
    const x = point ? box.left + point.x : box.left + box.width / 2;
    const y = point ? box.top + point.y : box.top + box.height / 2;
    if (y >= window.innerHeight) return { visible: false, name: `${name} (below the fold)` };
    if (x < 0 || y < 0 || x >= window.innerWidth) return { visible: false, name: `${name} (above or beside)` };
    const hit = document.elementFromPoint(x, y);
    if (hit !== null && (element.contains(hit) || hit.contains(element))) return { visible: true, name };
    const cover = hit ? (hit.closest('nav, header, [role], section, div') ?? hit) : null;
    return { visible: false, name: `${name} (under ${cover ? `${cover.tagName.toLowerCase()}.${cover.className}` : 'nothing'})` };
  }, at);
}

/** The advisor's hands: every tap, typed field and signature goes through here. */
class Advisor {
  section: TapSection = 'customer';
  driverTaps = 0;
  padOffscreen = 0;
  readonly offscreenTaps = new Map<TapSection, string[]>();
  readonly typed = new Map<TapSection, { fields: number; chars: number; offscreen: number }>();
  readonly paths: string[] = [];

  constructor(readonly page: Page) {}

  async enter(section: TapSection): Promise<void> {
    this.section = section;
    await this.page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [SECTION_KEY, section] as const);
  }

  async tap(target: Locator, at?: { x: number; y: number }): Promise<void> {
    await target.waitFor({ state: 'visible', ...LONG });
    const seen = await inView(target, at);
    if (!seen.visible) this.offscreenTaps.set(this.section, [...(this.offscreenTaps.get(this.section) ?? []), seen.name]);
    this.driverTaps += 1;
    await target.tap(at ? { position: at, ...LONG } : LONG);
  }

  async type(target: Locator, text: string): Promise<void> {
    await target.waitFor({ state: 'visible', ...LONG });
    const tally = this.typed.get(this.section) ?? { fields: 0, chars: 0, offscreen: 0 };
    if (!(await inView(target)).visible) tally.offscreen += 1;
    tally.fields += 1;
    tally.chars += [...text].length;
    this.typed.set(this.section, tally);
    await target.fill(text, LONG);
  }

  async sign(pad: Locator): Promise<void> {
    await pad.waitFor({ state: 'visible', ...LONG });
    if (!(await inView(pad)).visible) this.padOffscreen += 1;
    await drawSignature(this.page, pad);
  }

  async resetCount(): Promise<void> {
    this.driverTaps = 0;
    this.padOffscreen = 0;
    this.offscreenTaps.clear();
    this.typed.clear();
    this.paths.length = 0;
    await this.page.evaluate((key) => sessionStorage.removeItem(key), COUNT_KEY);
  }

  async result(key: VisitResult['key']): Promise<VisitResult> {
    const taps = await this.page.evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? '[]') as PageTap[], COUNT_KEY);
    const sections = TAP_SECTIONS.map((section): SectionTally => {
      const mine = taps.filter((t) => t.section === section);
      const typed = this.typed.get(section) ?? { fields: 0, chars: 0, offscreen: 0 };
      const counted = mine.filter((t) => !t.onPad);
      return {
        section,
        taps: counted.length,
        offscreenTaps: (this.offscreenTaps.get(section) ?? []).length,
        offscreen: this.offscreenTaps.get(section) ?? [],
        typedFields: typed.fields,
        typedChars: typed.chars,
        offscreenFields: typed.offscreen,
        strokes: mine.length - counted.length,
        tapped: counted.map((t) => t.target),
      };
    });
    const stray = taps.filter((t) => !TAP_SECTIONS.includes(t.section as TapSection));
    if (stray.length > 0) throw new Error(`taps outside any section: ${stray.map((t) => t.target).join(', ')}`);
    const sum = (pick: (s: SectionTally) => number) => sections.reduce((n, s) => n + pick(s), 0);
    return {
      key,
      sections,
      total: {
        taps: sum((s) => s.taps),
        offscreenTaps: sum((s) => s.offscreenTaps),
        typedFields: sum((s) => s.typedFields),
        typedChars: sum((s) => s.typedChars),
        offscreenFields: sum((s) => s.offscreenFields),
        strokes: sum((s) => s.strokes),
      },
      driverTaps: this.driverTaps,
      paths: [...this.paths],
      padOffscreen: this.padOffscreen,
    };
  }
}

/** Three small camera JPEGs (noise, so they process as photos do). */
async function makePhotos(dir: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `IMG_${2001 + i}.jpg`);
    const background = { r: 60 * i, g: 110, b: 180 - 40 * i };
    writeFileSync(path, await sharp({ create: { width: 2000, height: 1500, channels: 3, background, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer());
    paths.push(path);
  }
  return paths;
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function waitForPath(page: Page, want: (path: string) => boolean, what: string): Promise<void> {
  await page.waitForURL((url) => want(url.pathname), LONG).catch(() => {
    throw new Error(`the tablet stayed at ${pathOf(page)}, expected ${what}`);
  });
}

/** The check-in screens the script drives, found by role and label in the app's own wording. */
function screens(page: Page) {
  const stepBar = page.getByRole('navigation');
  return {
    newCard: page.getByRole('button', { name: new RegExp(zh('jobs.new')) }).first(),
    next: page.getByRole('button', { name: new RegExp(`${zh('step.next')}`) }),
    step: (key: string) => stepBar.getByRole('button', { name: new RegExp(zh(`step.${key}`)) }).first(),
    field: (key: string) => page.getByLabel(zh(key), { exact: true }),
    chip: (key: string) => page.getByRole('button', { name: zh(key), exact: true }),
    keyboard: page.getByRole('group', { name: zh('vehicle.plateKeyboard') }),
    diagram: (view: string) => page.getByRole('group', { name: zh('walkaround.diagram', { view: zh(`view.${view}`) }) }),
    typePanel: page.getByRole('region', { name: zh('damage.type') }),
    editor: page.getByRole('region', { name: zh('damage.edit') }),
    search: page.getByLabel(zh('catalogue.search'), { exact: true }),
    results: page.getByRole('list', { name: zh('catalogue.results') }),
    pad: page.getByRole('img', { name: zh('signing.pad') }),
    submit: page.getByRole('button', { name: new RegExp(zh('signing.submit')) }),
    thanks: page.getByRole('heading', { name: new RegExp(zh('signing.thanks')) }),
    returnPin: page.locator('.return-pin'),
  };
}

async function plateByKeyboard(advisor: Advisor, plate: string): Promise<void> {
  const ui = screens(advisor.page);
  // Where the build opens the keyboard by itself on an empty plate (both visits start with
  // one), it is open on arrival: the 车牌键盘 button is not tapped.
  const opensItself = maybe('plate.openedNote');
  if (opensItself) advisor.paths.push('vehicle: the keyboard opened by itself on the empty plate');
  else await advisor.tap(advisor.page.getByRole('button', { name: zh('vehicle.plateKeyboard'), exact: true }));
  await ui.keyboard.waitFor({ state: 'visible', ...LONG });
  // Where the build opens the keyboard with the tablet's common prefix, and offers the known
  // vehicles matching what is typed (read from IndexedDB just after it opens), take them.
  const opened = [...(await ui.field('vehicle.plate').inputValue())];
  const known = maybe('plate.known');
  if (opened.length > 0) advisor.paths.push(`vehicle: the keyboard opened with ${opened.join('')}`);
  if (known && opened.length >= 2) {
    const offered = ui.keyboard.getByRole('group', { name: known }).getByRole('button', { name: new RegExp(`^${escape(plate)} `) });
    if (await offered.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
      await advisor.tap(offered);
      const picked = await ui.field('vehicle.plate').inputValue();
      if (picked !== plate) throw new Error(`the known vehicle gave ${picked}, expected ${plate}`);
      advisor.paths.push('vehicle: the known vehicle tapped, the keyboard closed');
      return;
    }
  }
  const keep = plate.startsWith(opened.join('')) ? opened.length : 0;
  for (let i = keep; i < opened.length; i++) await advisor.tap(ui.keyboard.getByRole('button', { name: zh('vehicle.backspace'), exact: true }));
  for (const key of [...plate].slice(keep)) await advisor.tap(ui.keyboard.getByRole('button', { name: key, exact: true }));
  await advisor.tap(ui.keyboard.getByRole('button', { name: zh('vehicle.done'), exact: true }));
  const value = await ui.field('vehicle.plate').inputValue();
  if (value !== plate) throw new Error(`the plate keyboard gave ${value}, expected ${plate}`);
}

async function markDamage(advisor: Advisor, mark: TapsBenchOptions['marks'][number], photo: string): Promise<void> {
  const { page } = advisor;
  const ui = screens(page);
  await advisor.tap(ui.diagram(mark.view), mark.at);
  // Type and severity in one choice where the build has it (issue 11), else the type (轻 by default).
  const choice = maybe('damage.choice');
  const name = choice
    ? choice.replace('{type}', zh(`damage.type.${mark.type}`)).replace('{severity}', zh(`severity.${mark.severity}`))
    : zh(`damage.type.${mark.type}`);
  // Where the build's choice opens the camera in the same tap (it says so in the panel), the
  // chooser is awaited from before that tap and 拍照 is not tapped.
  const cameraOnChoice = choice !== null && maybe('damage.choose.camera') !== null;
  const onChoice = cameraOnChoice ? page.waitForEvent('filechooser', LONG) : null;
  await advisor.tap(ui.typePanel.getByRole('button', { name, exact: true }));
  if (!choice && mark.severity !== 'minor') await advisor.tap(ui.editor.getByRole('button', { name: zh(`severity.${mark.severity}`), exact: true }));
  const opened = 'walk-around: the choice opened the camera';
  if (onChoice && !advisor.paths.includes(opened)) advisor.paths.push(opened);
  const chooser = onChoice ?? page.waitForEvent('filechooser', LONG);
  if (!onChoice) await advisor.tap(ui.editor.locator('label').filter({ hasText: zh('photos.take') }));
  await (await chooser).setFiles(photo);
  await ui.editor.getByRole('region', { name: zh('damage.photos') }).locator('img').first().waitFor({ state: 'visible', ...LONG });
}

/** Presses a chip unless it is already pressed (a default from the last visit). */
async function press(advisor: Advisor, chip: Locator): Promise<boolean> {
  await chip.waitFor({ state: 'visible', ...LONG });
  if ((await chip.getAttribute('aria-pressed')) === 'true') return false;
  await advisor.tap(chip);
  return true;
}

async function fillIfEmpty(advisor: Advisor, field: Locator, value: string): Promise<boolean> {
  await field.waitFor({ state: 'visible', ...LONG });
  if ((await field.inputValue()) !== '') return false;
  await advisor.type(field, value);
  return true;
}

async function conditionStep(advisor: Advisor, o: TapsBenchOptions, km: number): Promise<void> {
  const { page } = advisor;
  const ui = screens(page);
  await advisor.type(ui.field('odometer'), String(km));
  await advisor.tap(page.getByRole('radio', { name: o.fuel, exact: true }));
  await press(advisor, ui.chip(o.warningLight));
}

async function walkaround(advisor: Advisor, o: TapsBenchOptions, photos: string[], returning: boolean): Promise<void> {
  const { page } = advisor;
  const unchanged = maybe('previous.allUnchanged');
  if (returning && unchanged) {
    // The build shows the last visit's marks as 上次记录: all three still there, in one tap.
    const button = page.getByRole('button', { name: lead(unchanged) });
    const text = (await button.textContent(LONG))?.trim() ?? unchanged;
    await advisor.tap(button);
    advisor.paths.push(`walk-around: ${text}`);
    return;
  }
  if (returning) advisor.paths.push('walk-around: no 全部无变化 in this build, the marks made and photographed again');
  for (const [i, mark] of o.marks.entries()) await markDamage(advisor, mark, photos[i] ?? '');
}

async function coversBelongingsService(advisor: Advisor, o: TapsBenchOptions, returning: boolean): Promise<void> {
  const { page } = advisor;
  const ui = screens(page);
  await advisor.tap(ui.next);
  const fitAll = maybe('covers.fitAll') ? ui.chip('covers.fitAll') : ui.chip('covers.set4');
  await fitAll.waitFor({ state: 'visible', ...LONG });
  const covers = ['cover.seat', 'cover.steeringWheel', 'cover.floorMat', 'cover.gearLever'].map((key) => page.getByRole('button', { name: new RegExp(`^${zh(key)}`) }));
  let fitted = 0;
  for (const cover of covers) if ((await cover.getAttribute('aria-pressed', LONG)) === 'true') fitted += 1;
  const lastSet = maybe('previous.coversFromLast');
  if (fitted === covers.length) advisor.paths.push('covers: all four already ticked from the last visit');
  else if (returning && lastSet) {
    // The build offers the last visit's set first, as one tap (fitted in front of the customer).
    const offered = page.getByRole('button', { name: lead(lastSet) });
    const text = (await offered.textContent(LONG))?.trim() ?? lastSet;
    await advisor.tap(offered);
    advisor.paths.push(`covers: ${text}`);
  } else await advisor.tap(fitAll);

  // Where covers, belongings and service are one step, there is no 下一步 between them.
  const nextIfNeeded = async (on: Locator) => {
    if (!(await on.isVisible())) await advisor.tap(ui.next);
  };
  await nextIfNeeded(ui.chip('belonging.spareTyre'));
  const carried = maybe('previous.belongingsFromLast');
  // Where the build carries the last visit's belongings, it says so once it has: read the chips then.
  if (returning && carried) await page.getByRole('status').filter({ hasText: lead(carried) }).waitFor(LONG);
  let kept = 0;
  for (const key of ['belonging.spareTyre', 'belonging.warningTriangle']) if (!(await press(advisor, ui.chip(key)))) kept += 1;
  if (kept > 0) advisor.paths.push(`belongings: ${kept} already ticked from the last visit`);
  await advisor.tap(page.getByRole('button', { name: zh('valuables.confirm'), exact: true }));

  await nextIfNeeded(ui.chip(o.serviceType));
  await press(advisor, ui.chip(o.serviceType));
  await advisor.type(ui.field('customerRequest'), o.complaint);
  await advisor.tap(page.getByRole('button', { name: new RegExp(zh('checkIn.submit')) }));
  // Where the build goes on to the estimate after 完成接车, wait until it is there.
  if (maybe('checkIn.onToEstimate')) await waitForPath(page, (p) => p.endsWith('/estimate'), 'the estimate step after 完成接车');
  await page.getByRole('status').filter({ hasText: zh('checkIn.done', { time: '' }).trim() }).waitFor(LONG);
}

async function estimate(advisor: Advisor, o: TapsBenchOptions, returning: boolean): Promise<void> {
  const { page } = advisor;
  const ui = screens(page);
  if (maybe('checkIn.onToEstimate') && pathOf(page).endsWith('/estimate')) advisor.paths.push('estimate: 完成接车 went on to it');
  else await advisor.tap(ui.next);
  const repeat = maybe('repeat.button');
  const again = repeat ? page.getByRole('region', { name: zh('repeat.title') }).getByRole('button', { name: lead(repeat) }) : null;
  if (returning && again && (await again.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false))) {
    // The build offers the last visit's lines in one tap (按上次项目), at today's prices.
    const text = (await again.textContent(LONG))?.trim() ?? repeat;
    await advisor.tap(again);
    await page.getByRole('region', { name: zh('repeat.title') }).getByRole('status').waitFor(LONG);
    advisor.paths.push(`estimate: ${text}`);
  } else for (const search of o.searches) {
    // A labour item may bring its usual parts along (带料工时): a code already on the estimate
    // is not tapped again, and a search whose codes all are is not typed, as an advisor who
    // sees them among the lines would do.
    const onEstimate = new Set((await page.locator('.estimate .line-code').allTextContents()).map((code) => code.trim()));
    if (search.codes.every((code) => onEstimate.has(code))) {
      advisor.paths.push(`estimate: not searched "${search.query}", ${search.codes.join(', ')} already on the estimate`);
      continue;
    }
    await advisor.type(ui.search, search.query);
    for (const code of search.codes) {
      const row = ui.results.getByRole('button', { name: new RegExp(code) });
      await row.waitFor(LONG);
      if ((await row.getByText(zh('catalogue.onEstimate')).count()) > 0) {
        advisor.paths.push(`estimate: ${code} not tapped, already on the estimate`);
        continue;
      }
      await advisor.tap(row);
      await row.getByText(zh('catalogue.onEstimate')).waitFor(LONG);
    }
  }
  const defaults = maybe('estimate.useStoreDefaults');
  if (defaults) {
    // The build flags the empty terms of an estimate with lines and offers the store's defaults.
    await advisor.tap(page.getByRole('button', { name: new RegExp(defaults) }));
    advisor.paths.push(`estimate: ${defaults}`);
    return;
  }
  const group = (key: string) => page.getByRole('group', { name: zh(key) });
  await advisor.tap(page.getByRole('button', { name: zh(o.terms.promisedAt), exact: true }));
  await advisor.tap(group('estimate.oldParts').getByRole('button', { name: zh(o.terms.oldParts), exact: true }));
  await advisor.tap(group('estimate.payment').getByRole('button', { name: zh(o.terms.payment), exact: true }));
  await advisor.tap(group('estimate.carWash').getByRole('button', { name: zh(o.terms.carWash), exact: true }));
}

/** In customer mode: every document shown is signed, then the advisor's PIN on the thanks screen. */
async function customerSigns(advisor: Advisor, o: TapsBenchOptions): Promise<number> {
  const { page } = advisor;
  const ui = screens(page);
  const thanks = zh('signing.thanks');
  await waitForPath(page, (p) => p === '/customer', '/customer');
  let signed = 0;
  for (;;) {
    await ui.pad.or(ui.thanks).first().waitFor({ state: 'visible', ...LONG });
    if (await ui.thanks.isVisible()) break;
    const heading = await page.locator('h1').first().textContent();
    await advisor.sign(ui.pad);
    await advisor.tap(ui.submit);
    signed += 1;
    // Then either the thanks screen or the next document waiting for the customer (a new heading).
    await page.waitForFunction(
      ([text, before]) => document.body.innerText.includes(text) || document.querySelector('h1')?.textContent !== before,
      [thanks, heading ?? ''] as const,
      LONG,
    );
  }
  // The way back: the PIN right on the thanks screen where the build has it (the last digit
  // unlocks), else 顾问解锁, the PIN on the dialog's pad and 解锁.
  const unlock = page.getByRole('button', { name: zh('customer.unlock'), exact: true });
  await ui.returnPin.or(unlock).first().waitFor({ state: 'visible', ...LONG });
  if (await ui.returnPin.isVisible()) {
    for (const digit of o.pin) await advisor.tap(ui.returnPin.getByRole('button', { name: digit, exact: true }));
  } else {
    await advisor.tap(unlock);
    const dialog = page.getByRole('dialog', { name: zh('customer.unlock') });
    for (const digit of o.pin) await advisor.tap(dialog.getByRole('group', { name: zh('pin.pad') }).getByRole('button', { name: digit, exact: true }));
    await advisor.tap(dialog.getByRole('button', { name: zh('pin.unlock'), exact: true }));
  }
  await waitForPath(page, (p) => p !== '/customer', 'the card again');
  return signed;
}

async function signing(advisor: Advisor, o: TapsBenchOptions, jobId: string): Promise<void> {
  const { page } = advisor;
  const ui = screens(page);
  const all = maybe('signing.handOverAll');
  const fromEstimate = all ? page.getByRole('button', { name: lead(all) }) : null;
  // Where the estimate step ends with the hand-over itself, the 客户签字 step is not a tap away.
  if (fromEstimate && (await fromEstimate.count()) > 0) advisor.paths.push('signing: handed over from the estimate step');
  else {
    await advisor.tap(ui.next);
    await waitForPath(page, (p) => p === `/jobs/${jobId}/signing`, 'the signing step');
  }
  const kinds = ['checkin', 'estimate'] as const;
  if (all) {
    // One hand-over for every document waiting, one PIN at the end (issue 11).
    await advisor.tap(page.getByRole('button', { name: lead(all) }));
    const documents = await customerSigns(advisor, o);
    advisor.paths.push(`signing: ${documents} documents in one hand-over`);
    for (const kind of kinds) await page.getByRole('region', { name: zh(`signing.kind.${kind}`) }).getByText(new RegExp(zh('signing.valid'))).first().waitFor(LONG);
    return;
  }
  let signed = 0;
  for (const kind of kinds) {
    const card = page.getByRole('region', { name: zh(`signing.kind.${kind}`) });
    const status = await card.getByText(new RegExp(zh('signing.valid'))).count();
    if (status > 0) continue;
    await advisor.tap(card.getByRole('button', { name: new RegExp(zh('signing.handToCustomer')) }));
    const documents = await customerSigns(advisor, o);
    signed += documents;
    if (documents > 1) advisor.paths.push(`signing: ${documents} documents in one hand-over`);
    await card.getByText(new RegExp(zh('signing.valid'))).first().waitFor(LONG);
    if (signed >= kinds.length) break;
  }
}

async function printView(advisor: Advisor, jobId: string): Promise<void> {
  const { page } = advisor;
  await page.evaluate(() => sessionStorage.removeItem('walkaround-bench-printed'));
  await advisor.tap(page.getByRole('button', { name: new RegExp(zh('print.open')) }));
  await waitForPath(page, (p) => p === `/print/${jobId}`, 'the print view');
  const printed = () => page.evaluate(() => sessionStorage.getItem('walkaround-bench-printed'));
  // Where the build's 打印客户联 opens the print dialog itself, the print view's button is not tapped.
  await page.getByRole('button', { name: exactly(zh('print.print')) }).waitFor(LONG);
  const opened = await page.waitForFunction(() => sessionStorage.getItem('walkaround-bench-printed'), null, { timeout: 3_000 }).then(() => true, () => false);
  if (opened) advisor.paths.push('print: 打印客户联 opened the print dialog');
  else await advisor.tap(page.getByRole('button', { name: exactly(zh('print.print')) }));
  if (!(await printed())) throw new Error('the print button did not open the print dialog');
}

async function newCard(advisor: Advisor): Promise<string> {
  const { page } = advisor;
  await page.goto(new URL('/', page.url()).href);
  await advisor.enter('customer');
  await advisor.tap(screens(page).newCard);
  await waitForPath(page, (p) => /^\/jobs\/[0-9a-f-]{36}/.test(p), 'a new card');
  return pathOf(page).split('/')[2] ?? '';
}

/** From the mileage step on, both visits alike: walk-around, covers to 完成接车, estimate, signing, print. */
async function fromWalkaroundOn(advisor: Advisor, o: TapsBenchOptions, photos: string[], jobId: string, returning: boolean): Promise<void> {
  await advisor.enter('walkaround');
  await advisor.tap(screens(advisor.page).next);
  await walkaround(advisor, o, photos, returning);

  await advisor.enter('condition');
  await coversBelongingsService(advisor, o, returning);

  await advisor.enter('estimate');
  await estimate(advisor, o, returning);
  await advisor.enter('signing');
  await signing(advisor, o, jobId);
  await advisor.enter('print');
  await printView(advisor, jobId);
}

async function standardVisit(advisor: Advisor, o: TapsBenchOptions, photos: string[]): Promise<string> {
  const ui = screens(advisor.page);
  const jobId = await newCard(advisor);
  await advisor.type(ui.field('customer.name'), o.customer.name);
  await advisor.type(ui.field('customer.phone'), o.customer.phone);

  await advisor.enter('vehicle');
  await advisor.tap(ui.next);
  await plateByKeyboard(advisor, o.plate);
  await advisor.type(ui.field('vehicle.vin'), o.vin);
  await advisor.type(ui.field('vehicle.model'), o.model);

  await advisor.enter('condition');
  await advisor.tap(ui.next);
  await conditionStep(advisor, o, o.odometerKm[0]);

  await fromWalkaroundOn(advisor, o, photos, jobId, false);
  return jobId;
}

/** The same car again: the plate first, so what the tablet knows of it fills the card. */
async function secondVisit(advisor: Advisor, o: TapsBenchOptions, photos: string[]): Promise<string> {
  const ui = screens(advisor.page);
  const jobId = await newCard(advisor);

  await advisor.enter('vehicle');
  await advisor.tap(ui.step('vehicle'));
  await plateByKeyboard(advisor, o.plate);
  // The tablet fills the card from the car's last visit when the keyboard closes, and says so.
  const filled = await advisor.page
    .getByText(zh('prefill.done', { number: '' }).trim().slice(0, 4))
    .first()
    .waitFor(LONG)
    .then(() => true, () => false);
  const typedVin = await fillIfEmpty(advisor, ui.field('vehicle.vin'), o.vin);
  const typedModel = await fillIfEmpty(advisor, ui.field('vehicle.model'), o.model);
  if (filled && !typedVin && !typedModel) advisor.paths.push('vehicle and customer: filled from the last visit when the plate was entered');

  if (!filled) {
    advisor.paths.push('customer: not filled from the last visit, typed again');
    await advisor.enter('customer');
    await advisor.tap(ui.step('customer'));
    await fillIfEmpty(advisor, ui.field('customer.name'), o.customer.name);
    await fillIfEmpty(advisor, ui.field('customer.phone'), o.customer.phone);
  }

  await advisor.enter('condition');
  await advisor.tap(filled ? ui.next : ui.step('condition'));
  await conditionStep(advisor, o, o.odometerKm[1]);

  await fromWalkaroundOn(advisor, o, photos, jobId, true);
  return jobId;
}

type StoredJob = {
  id: string;
  checkedInAt: string | null;
  damages: Record<string, { deletedAt: string | null }>;
  photos: Record<string, { deletedAt: string | null; damageId: string | null }>;
  estimate: { lines: Record<string, { deletedAt: string | null; code: string }> };
  signatures: Record<string, { kind: string }>;
};

/** The card the run made, as stored: checked in, its marks, lines and both signatures. */
async function checkCard(page: Page, jobId: string, o: TapsBenchOptions, what: string): Promise<void> {
  const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
  const job = jobs.find((j) => j.id === jobId);
  const live = <T extends { deletedAt: string | null }>(rows: Record<string, T> | undefined) => Object.values(rows ?? {}).filter((r) => r.deletedAt === null);
  const marks = live(job?.damages).length;
  // Every code searched, each once; a labour item's parts (带料工时) may add lines beyond them.
  const codes = live(job?.estimate.lines).map((line) => line.code);
  const lines = o.searches.flatMap((search) => search.codes).filter((code) => codes.filter((c) => c === code).length === 1).length;
  const kinds = new Set(Object.values(job?.signatures ?? {}).map((s) => s.kind));
  const wantLines = o.searches.reduce((n, s) => n + s.codes.length, 0);
  if (!job?.checkedInAt || marks !== o.marks.length || lines !== wantLines || !kinds.has('checkin') || !kinds.has('estimate')) {
    throw new Error(
      `${what}: the card holds checkedIn=${Boolean(job?.checkedInAt)}, ${marks} marks, ${lines} estimate lines, signatures ${[...kinds].join('+') || 'none'}`,
    );
  }
}

/** The PIN, set by a first hand-over on a scratch card and given back with 顾问解锁 (not counted). */
async function setPin(page: Page, origin: string, pin: string): Promise<void> {
  await page.goto(origin);
  await screens(page).newCard.tap(LONG);
  await waitForPath(page, (p) => /^\/jobs\/[0-9a-f-]{36}/.test(p), 'a new card');
  const jobId = pathOf(page).split('/')[2] ?? '';
  await page.goto(`${origin}/jobs/${jobId}/signing`);
  const all = maybe('signing.handOverAll');
  const handOver = all
    ? page.getByRole('button', { name: lead(all) })
    : page.getByRole('region', { name: zh('signing.kind.checkin') }).getByRole('button', { name: new RegExp(zh('signing.handToCustomer')) });
  await handOver.tap(LONG);
  const setup = page.getByRole('dialog', { name: zh('pin.set') });
  await setup.getByLabel(zh('pin.new'), { exact: true }).fill(pin, LONG);
  await setup.getByLabel(zh('pin.repeat'), { exact: true }).fill(pin);
  await setup.getByRole('button', { name: zh('pin.save'), exact: true }).tap();
  await waitForPath(page, (p) => p === '/customer', '/customer');
  await page.getByRole('button', { name: zh('customer.unlock'), exact: true }).tap(LONG);
  const unlock = page.getByRole('dialog', { name: zh('customer.unlock') });
  await unlock.getByLabel(zh('pin.label'), { exact: true }).fill(pin, LONG);
  await unlock.getByRole('button', { name: zh('pin.unlock'), exact: true }).tap();
  await waitForPath(page, (p) => p !== '/customer', 'the card again');
}

export async function measureTaps(o: TapsBenchOptions): Promise<TapsBenchResult> {
  const server = await startServer();
  const closeServer = defer('app server (taps)', () => server.close());
  const profile = newProfileDir();
  const removeProfile = defer(`profile ${profile.dir}`, () => profile.remove());
  const photoDir = mkdtempSync(join(tmpdir(), 'walkaround-taps-'));
  const removePhotos = defer(`photos ${photoDir}`, () => rmSync(photoDir, { recursive: true, force: true }));
  let closeContext: () => Promise<void> = async () => undefined;
  try {
    const photos = await makePhotos(photoDir, o.marks.length);
    // The app's host name, mapped to loopback and treated as secure: Dexie's debug mode is off
    // there as on a tablet (it turns itself on at 127.0.0.1).
    const host = 'walkaround.bench';
    const origin = `http://${host}:${new URL(server.url).port}`;
    const context: BrowserContext = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${host} 127.0.0.1`, `--unsafely-treat-insecure-origin-as-secure=${origin}`],
      ...TABLET,
      viewport: VIEWPORT,
      isMobile: false,
    });
    closeContext = defer('tablet browser (taps)', () => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(page);
    await page.addInitScript({ content: counterScript(zh('signing.pad')) });
    await page.goto(origin);
    await waitForServiceWorker(page);
    await screens(page).newCard.waitFor({ state: 'visible', ...LONG });
    await context.setOffline(true);
    await page.reload();
    await setPin(page, origin, o.pin);

    const advisor = new Advisor(page);
    const visits: VisitResult[] = [];
    for (const key of ['standard', 'second'] as const) {
      await page.goto(origin);
      await advisor.resetCount();
      const jobId = key === 'standard' ? await standardVisit(advisor, o, photos) : await secondVisit(advisor, o, photos);
      await checkCard(page, jobId, o, key === 'standard' ? 'the standard check-in' : 'the second visit');
      const visit = await advisor.result(key);
      if (visit.total.taps !== visit.driverTaps) {
        throw new Error(`${key}: the page counted ${visit.total.taps} taps, the script made ${visit.driverTaps}: ${visit.sections.map((s) => `${s.section} ${s.tapped.join('|')}`).join('; ')}`);
      }
      visits.push(visit);
    }
    if (errors.length > 0) throw new Error(`page errors in the app: ${errors.join('; ')}`);
    const browser = context.browser();
    return { browserVersion: browser ? browser.version() : 'Chromium (persistent context)', origin, viewport: VIEWPORT, visits };
  } finally {
    await closeContext();
    await removePhotos();
    await removeProfile();
    await closeServer();
  }
}
