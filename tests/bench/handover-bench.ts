// The handover figures of issue 10, in the built app on one tablet, offline as at the car:
// (1) 交车 opened for a checked-in card with 20 check-in photos, from the tap on the 交车 tab to
// every check-in thumbnail on the screen decoded and the next frame painted; (2) the taps it
// takes to have two additional lines (追加项目) approved in customer mode, from 请客户确认 to the
// card back in the advisor's hands, PIN included.
//
// Set-up (untimed): the cards are made in Node by the app's own repos on fake-indexeddb
// (tests/e2e/support/seed-checked-in-card.ts, as the handover browser test does) and written
// row for row into the tablet's IndexedDB; their thumbnails are 240x180 JPEGs with noise, so
// they decode as photos' do, not as flat colour (the 1600x1200 photos, never opened here, are). The app is reached as walkaround.bench (Dexie's
// debug mode off, as on a tablet; the run checks it).
// - Handover: the 交车 screen shows the photos of the check-in marks beside their rows (general
//   slot photos are not on it). Two cards: one with 20 photos on marks and in the general slots
//   (12 on 4 marks, 8 in the slots: 12 thumbnails on the screen), one with all 20 on 4 marks
//   (20 on the screen, the most this card size can show). "Cold": a new document on the card's
//   进度 section, a 300 ms pause, then the tap. The card page reads the check-in thumbnails
//   ahead while it is open (useHandoverPrefetch), so the pause lets that run, as an advisor's
//   look at the card would; the cards' cold runs take turns, so neither gets the browser's first
//   openings alone. "Warm": back to 进度 in the same document, then 交车 again. The page times
//   from the click event to the last img.decode() of the rows' thumbnails, then the next frame.
// - Taps: a card with two undecided additional lines. The advisor PIN is set once, untimed, by a
//   first hand-over given back with 顾问解锁. Then the counted round drives the real UI: 请客户确认,
//   同意 on each line, the signature, 确认签字, the PIN on the thanks screen. Every trusted
//   primary pointerdown on the page is counted (a tap, whatever it lands on), except those on
//   the signature pad: the strokes of the name are the customer's writing, not taps.
// First, before anything loads Dexie: the card seeding runs the app's repos on fake-indexeddb.
import 'fake-indexeddb/auto';
import type { Locator, Page } from 'playwright-core';
import type { AdditionFields } from '../../src/shared/additions.ts';
import type { DamageType, VehicleView } from '../../src/shared/walkaround.ts';
import { waitForServiceWorker } from '../e2e/support/browser.ts';
import { readObjectStores } from '../e2e/support/indexed-db.ts';
import { seedCheckedInCard, writeSeededCard } from '../e2e/support/seed-checked-in-card.ts';
import { drawSignature } from '../e2e/support/signature.ts';
import type { LongTask } from './bench-api.ts';
import { openAppTablet, watchDexieDebug } from './bench-browser.ts';
import { armClickStart } from './click-clock.ts';
import { zh } from './zh.ts';

export type HandoverCardOptions = {
  key: string;
  marks: readonly { view: VehicleView; type: DamageType }[];
  photosPerMark: number;
  generalPhotos: number;
};

export type HandoverBenchOptions = {
  cards: HandoverCardOptions[];
  /** Timed openings per card, cold (new document) and then warm (same document). */
  runs: number;
  pin: string;
  additions: AdditionFields[];
};

export type HandoverRun = {
  /** From the click on 交车 to the first task after the frame that shows every thumbnail decoded: the figure. */
  paintedMs: number;
  /** ... to the handover section in the page. */
  sectionShownMs: number;
  /** ... to every thumbnail <img> of the check-in rows in the page with its blob: URL. */
  allImgsMs: number;
  /** ... to the last of them decoded. */
  decodedMs: number;
  thumbnails: number;
  minNaturalWidth: number;
  longTasks: LongTask[];
};

export type HandoverCardResult = {
  key: string;
  photos: number;
  onMarks: number;
  general: number;
  /** Thumbnails the 交车 screen shows (those on the check-in marks). */
  shown: number;
  runs: HandoverRun[];
  warmRuns: HandoverRun[];
};

export type TapRecord = { pointerType: string; onPad: boolean; target: string };

export type TapsResult = {
  /** Pointerdowns off the signature pad, from 请客户确认 to the card back: the figure. */
  taps: number;
  /** What each counted tap landed on, in order. */
  tapped: string[];
  /** Pointerdowns on the signature pad (the strokes of the name), not counted. */
  padStrokes: number;
  /** Taps the driver made (locator.tap), to cross-check the page's count. */
  driverTaps: number;
  lines: number;
  /** Where the tablet was when the count stopped. */
  backAt: string;
};

export type HandoverBenchResult = {
  browserVersion: string;
  origin: string;
  consoleTasks: number;
  setupMs: number;
  cards: HandoverCardResult[];
  taps: TapsResult;
};

declare global {
  interface Window {
    benchHandover?: Promise<HandoverRun>;
    benchTapSeen?: (tap: TapRecord) => void;
    benchTapCounter?: true;
  }
}

/** Two frames and `ms` of quiet, as when the advisor looks at the screen before tapping. */
const idle = (page: Page, ms: number) =>
  page.evaluate((wait) => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait)))), ms);

/**
 * Arms the page for one opening of 交车: the next click starts the clock; `expected` decoded
 * thumbnails in the check-in rows stop it, then the next painted frame. (No named arrow
 * functions in here: tsx would wrap them in a helper the page does not have.)
 */
async function armHandoverClock(page: Page, expected: number): Promise<void> {
  await armClickStart(page);
  await page.evaluate((count) => {
    const longTasks: { startMs: number; durationMs: number }[] = [];
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
    });
    tasks.observe({ type: 'longtask' });
    window.benchHandover = new Promise((resolve, reject) => {
      const clock = {
        done: false,
        sectionAt: Number.NaN,
        allAt: Number.NaN,
        lastDecodedAt: Number.NaN,
        decoded: 0,
        seen: new Set<HTMLImageElement>(),
        observer: new MutationObserver(() => clock.scan()),
        timer: setTimeout(() => clock.fail(`after 20 s: ${clock.decoded} of ${count} thumbnails decoded (${clock.seen.size} in the page)`), 20_000),
        fail(message: string) {
          clock.done = true;
          clearTimeout(clock.timer);
          clock.observer.disconnect();
          tasks.disconnect();
          reject(new Error(message));
        },
        finish() {
          clock.done = true;
          clock.observer.disconnect();
          const imgs = [...clock.seen];
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(clock.timer);
              const paintedAt = performance.now();
              const clickAt = window.benchClickAt ?? Number.NaN;
              tasks.disconnect();
              resolve({
                paintedMs: paintedAt - clickAt,
                sectionShownMs: clock.sectionAt - clickAt,
                allImgsMs: clock.allAt - clickAt,
                decodedMs: clock.lastDecodedAt - clickAt,
                thumbnails: document.querySelectorAll('.checkin-checks img').length,
                minNaturalWidth: Math.min(...imgs.map((img) => img.naturalWidth)),
                longTasks: longTasks
                  .filter((t) => t.startMs + t.durationMs >= clickAt && t.startMs <= paintedAt)
                  .map((t) => ({ startMs: t.startMs - clickAt, durationMs: t.durationMs })),
              });
            };
            channel.port2.postMessage(null);
          });
        },
        scan() {
          if (clock.done || Number.isNaN(window.benchClickAt ?? Number.NaN)) return;
          const section = document.querySelector('section.handover');
          if (!section) return;
          if (Number.isNaN(clock.sectionAt)) clock.sectionAt = performance.now();
          for (const img of section.querySelectorAll<HTMLImageElement>('.checkin-checks img[src^="blob:"]')) {
            if (clock.seen.has(img)) continue;
            clock.seen.add(img);
            img.decode().then(
              () => {
                clock.decoded += 1;
                clock.lastDecodedAt = performance.now();
                clock.scan();
              },
              (error: unknown) => clock.fail(`a thumbnail did not decode: ${String(error)}`),
            );
          }
          if (clock.seen.size >= count && Number.isNaN(clock.allAt)) clock.allAt = performance.now();
          if (clock.decoded >= count) clock.finish();
        },
        poll() {
          if (clock.done) return;
          clock.scan();
          requestAnimationFrame(() => clock.poll());
        },
      };
      clock.observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
      requestAnimationFrame(() => clock.poll());
    });
  }, expected);
}

/**
 * Reports every trusted primary pointerdown of every document the page loads to
 * window.benchTapSeen, with whether it landed on the signature pad (labelled `padLabel`).
 * A string, so nothing of tsx's output goes into the page.
 */
const tapCounterScript = (padLabel: string) => `(() => {
  if (window.benchTapCounter) return;
  window.benchTapCounter = true;
  document.addEventListener('pointerdown', (event) => {
    if (!event.isTrusted || !event.isPrimary || !window.benchTapSeen) return;
    const target = event.target instanceof Element ? event.target : null;
    const onPad = !!target && target.closest('canvas[aria-label=${JSON.stringify(padLabel)}]') !== null;
    const control = target ? target.closest('button, a, input, label, [role]') : null;
    const name = control ? (control.getAttribute('aria-label') || control.textContent || control.tagName).trim().slice(0, 40) : '(page)';
    window.benchTapSeen({ pointerType: event.pointerType, onPad, target: name });
  }, { capture: true });
})();`;

type StoredJob = {
  id: string;
  approvals: Record<string, { decisions: Record<string, string>; via: { kind: string } }>;
  signatures: Record<string, { kind: string; subjectId?: string }>;
};

export async function measureHandover(options: HandoverBenchOptions): Promise<HandoverBenchResult> {
  const setupStart = Date.now();
  const seeds = await Promise.all(
    options.cards.map((card) => seedCheckedInCard({ marks: card.marks, photosPerMark: card.photosPerMark, generalPhotos: card.generalPhotos, noisyThumbnails: true })),
  );
  const decisionCard = await seedCheckedInCard({ marks: [], photosPerMark: 0, additions: options.additions });
  const tablet = await openAppTablet('handover');
  const { page, context, origin, errors } = tablet;
  try {
    const countTasks = await watchDexieDebug(page);
    const taps: TapRecord[] = [];
    await page.exposeFunction('benchTapSeen', (tap: TapRecord) => void taps.push(tap));
    await page.addInitScript({ content: tapCounterScript(zh('signing.pad')) });
    const browser = context.browser();
    const version = browser ? browser.version() : 'Chromium (persistent context)';
    await page.goto(origin);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: new RegExp(zh('jobs.new')) }).first().waitFor({ timeout: 30_000 });
    for (const seeded of [...seeds, decisionCard]) await writeSeededCard(page, seeded);
    await context.setOffline(true);
    const setupMs = Date.now() - setupStart;

    const tab = (section: string) => page.getByRole('navigation').getByRole('button', { name: zh(`work.section.${section}`), exact: true });
    const oneRun = async (card: HandoverCardOptions, jobId: string, cold: boolean): Promise<HandoverRun> => {
      const shown = card.marks.length * card.photosPerMark;
      if (cold) await page.goto(`${origin}/jobs/${jobId}/status`);
      else {
        await tab('status').tap();
        await page.locator('section.handover').waitFor({ state: 'detached', timeout: 30_000 });
      }
      await tab('handover').waitFor({ state: 'visible', timeout: 30_000 });
      await idle(page, 300);
      await armHandoverClock(page, shown);
      await tab('handover').tap();
      const run = await page.evaluate(() => {
        if (!window.benchHandover) throw new Error('handover clock not armed');
        return window.benchHandover;
      });
      if (run.thumbnails !== shown || !(run.minNaturalWidth > 0)) {
        throw new Error(`交车 showed ${run.thumbnails} check-in thumbnails (expected ${shown}), smallest ${run.minNaturalWidth} px wide`);
      }
      return run;
    };
    const cards: HandoverCardResult[] = options.cards.map((card) => {
      const onMarks = card.marks.length * card.photosPerMark;
      return { key: card.key, photos: onMarks + card.generalPhotos, onMarks, general: card.generalPhotos, shown: onMarks, runs: [], warmRuns: [] };
    });
    // Cold runs in turns (card 1, card 2, card 1, ...), then each card's warm runs together.
    for (let r = 0; r < options.runs; r++) {
      for (const [i, card] of options.cards.entries()) cards[i]?.runs.push(await oneRun(card, seeds[i]?.jobId ?? '', true));
    }
    for (const [i, card] of options.cards.entries()) {
      await page.goto(`${origin}/jobs/${seeds[i]?.jobId ?? ''}/handover`);
      for (let r = 0; r < options.runs; r++) cards[i]?.warmRuns.push(await oneRun(card, seeds[i]?.jobId ?? '', false));
    }

    const tapsResult = await countDecisionTaps(page, origin, decisionCard.jobId, options, taps);
    const consoleTasks = await countTasks();
    if (errors.length > 0) throw new Error(`page errors in the app: ${errors.join('; ')}`);
    if (consoleTasks > 0) throw new Error(`Dexie's debug mode was on (${consoleTasks} console.createTask calls): the timings would not be a tablet's`);
    return { browserVersion: version, origin, consoleTasks, setupMs, cards, taps: tapsResult };
  } finally {
    await tablet.close();
  }
}

/** The PIN set once (untimed), then the counted round of two lines approved and signed. */
async function countDecisionTaps(page: Page, origin: string, jobId: string, options: HandoverBenchOptions, taps: TapRecord[]): Promise<TapsResult> {
  const path = () => new URL(page.url()).pathname;
  const waitForPath = async (want: (p: string) => boolean, what: string) => {
    const until = Date.now() + 30_000;
    while (!want(path())) {
      if (Date.now() > until) throw new Error(`the tablet stayed at ${path()}, expected ${what}`);
      await page.waitForTimeout(50);
    }
  };
  const handOver = page.getByRole('button', { name: zh('addition.handOver'), exact: true });
  const additionsPath = `/jobs/${jobId}/additions`;

  // The PIN, set by the first hand-over and given back with 顾问解锁 (untimed, not counted).
  await page.goto(`${origin}${additionsPath}`);
  await handOver.tap();
  const setup = page.getByRole('dialog', { name: zh('pin.set') });
  await setup.getByLabel(zh('pin.new'), { exact: true }).fill(options.pin);
  await setup.getByLabel(zh('pin.repeat'), { exact: true }).fill(options.pin);
  await setup.getByRole('button', { name: zh('pin.save'), exact: true }).tap();
  await waitForPath((p) => p === '/customer', '/customer');
  await page.getByRole('button', { name: zh('customer.unlock'), exact: true }).tap();
  const unlock = page.getByRole('dialog', { name: zh('customer.unlock') });
  await unlock.getByLabel(zh('pin.label'), { exact: true }).fill(options.pin);
  await unlock.getByRole('button', { name: zh('pin.unlock'), exact: true }).tap();
  await waitForPath((p) => p !== '/customer', 'the card again');
  await page.goto(`${origin}${additionsPath}`);
  await handOver.waitFor({ state: 'visible', timeout: 30_000 });
  await idle(page, 300);

  // The counted round.
  taps.length = 0;
  let driverTaps = 0;
  const tap = async (target: Locator) => {
    driverTaps += 1;
    await target.tap();
  };
  await tap(handOver);
  await waitForPath((p) => p === '/customer', '/customer');
  // Customer mode's code may still be loading when the address has changed: wait for the lines.
  const choices = page.getByRole('group', { name: new RegExp(zh('addition.customer.choice')) });
  await choices.first().waitFor({ state: 'visible', timeout: 30_000 });
  const groups = await choices.all();
  if (groups.length !== options.additions.length) throw new Error(`customer mode offers ${groups.length} lines to decide, expected ${options.additions.length}`);
  for (const group of groups) await tap(group.getByRole('button', { name: new RegExp(zh('addition.approve')) }));
  await drawSignature(page, page.getByRole('img', { name: zh('signing.pad') }));
  await tap(page.getByRole('button', { name: new RegExp(zh('signing.submit')) }));
  await page.getByRole('heading', { name: new RegExp(zh('signing.thanks')) }).waitFor({ state: 'visible', timeout: 30_000 });
  for (const digit of options.pin) await tap(page.locator('.return-pin').getByRole('button', { name: digit, exact: true }));
  await waitForPath((p) => p === additionsPath, additionsPath);
  await handOver.waitFor({ state: 'detached', timeout: 30_000 });
  // Pointerdowns reach Node through exposeFunction: let the last ones land.
  await idle(page, 100);

  const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
  const job = jobs.find((j) => j.id === jobId);
  const rounds = Object.entries(job?.approvals ?? {});
  const [roundId, round] = rounds[0] ?? ['', undefined];
  const approved = Object.values(round?.decisions ?? {}).filter((d) => d === 'approved').length;
  const signed = Object.values(job?.signatures ?? {}).filter((s) => s.kind === 'additional' && s.subjectId === roundId).length;
  if (rounds.length !== 1 || approved !== options.additions.length || round?.via.kind !== 'signature' || signed !== 1) {
    throw new Error(`after the counted round the card holds ${rounds.length} decision rounds, ${approved} lines approved, ${signed} signatures of the round`);
  }
  const counted = taps.filter((t) => !t.onPad);
  return {
    taps: counted.length,
    tapped: counted.map((t) => `${t.target} (${t.pointerType})`),
    padStrokes: taps.length - counted.length,
    driverTaps,
    lines: options.additions.length,
    backAt: path(),
  };
}
