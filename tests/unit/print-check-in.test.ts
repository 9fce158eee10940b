// The printed 接车单 is the check-in record: a mark found at handover is neither on its damage
// list nor on its diagram (the handover copy shows it apart), even once the car is ready.
// The customer's copy is headed with the store's name, address and phone and the advisor, and
// says nothing of a line it has no value for; it carries none of the advisor's form hints.
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrintCheckIn } from '../../src/app/print/PrintCheckIn.tsx';
import { PrintEstimate } from '../../src/app/print/PrintEstimate.tsx';
import { PrintStoreHeader } from '../../src/app/print/PrintStoreHeader.tsx';
import { BUILT_IN_STORE_DEFAULTS, mergeStoreProfile, type StoreProfile } from '../../src/db/store-profile.ts';
import type { Job } from '../../src/shared/job.ts';
import { I18nProvider } from '../../src/ui/i18n.tsx';
import { loadScreenMessages } from '../../src/ui/messages.ts';
import { run } from './support/reducer.ts';
import { ADVISOR_A, CLIENT_A, checkedInJob, id, jobIn, LINE_OIL, tablet } from './support/work-job.ts';

const m = tablet(CLIENT_A, ADVISOR_A);

// The print page loads the screens' strings with its code (App.tsx, withScreenMessages).
beforeAll(() => loadScreenMessages());

describe('the printed check-in sheet', () => {
  it('lists and draws only the marks made at check-in', () => {
    const job = run(jobIn('ready'), [
      m({ op: 'damage.add', payload: { id: id('d0', 1), view: 'left', x: 0.4, y: 0.5, type: 'scratch', severity: 'minor', note: '左前门划痕' } }, 20),
      m({ op: 'damage.add', payload: { id: id('d0', 2), view: 'rear', x: 0.5, y: 0.5, type: 'dent', severity: 'severe', note: '后保险杠凹陷', stage: 'handover' } }, 40),
    ]);
    const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(PrintCheckIn, { job })));
    expect(html).toContain('左前门划痕');
    expect(html).not.toContain('后保险杠凹陷');
    expect(/<ol class="print-damages">(.*?)<\/ol>/u.exec(html)?.[1]?.match(/<li>/gu)).toHaveLength(1);
    // The diagram's markers are named "划痕（轻），左侧"; one found at handover "交车时发现：…".
    expect(html.match(/class="marker"/gu)).toHaveLength(1);
    expect(html).not.toContain('交车时发现');
  });
});

/** The whole customer's copy as the print page composes it, minus the parts that read IndexedDB. */
function customerCopy(job: Job, store: StoreProfile, advisorName: string | null): string {
  const parts = [
    createElement(PrintStoreHeader, { key: 'h', store, jobNumber: job.number, advisorName }),
    createElement(PrintCheckIn, { key: 'c', job }),
    createElement(PrintEstimate, { key: 'e', job }),
  ];
  return renderToStaticMarkup(createElement(I18nProvider, null, createElement(Fragment, null, ...parts)));
}

/** A card with every field whose form label carries a hint filled in, and one estimate line. */
function filledJob(): Job {
  const job = run(checkedInJob(), [
    m({ op: 'line.add', payload: { id: LINE_OIL, kind: 'part', code: 'P-01', description: '机油', quantityMilli: 4000, unitPriceFen: 8_000, discountBp: 0 } }, 6),
  ]);
  return {
    ...job,
    card: {
      ...job.card,
      customer: { ...job.card.customer, company: '深圳某某科技有限公司' },
      warningLights: { ...job.card.warningLights, engine: true },
      customerRequest: '冷车启动有异响',
    },
  };
}

const STORE: StoreProfile = {
  name: '上海一店',
  address: '上海市浦东新区张江路 88 号',
  phone: '021-12345678',
  defaults: BUILT_IN_STORE_DEFAULTS,
  source: 'server',
};

describe("the customer's copy", () => {
  it("is headed with the store's name, address and phone and the advisor's name", () => {
    const html = customerCopy(filledJob(), STORE, '张顾问');
    expect(html).toContain('上海一店');
    expect(html).toContain('上海市浦东新区张江路 88 号');
    expect(html).toContain('电话：021-12345678');
    expect(html).toContain('服务顾问：张顾问');
    expect(html).toContain('WK-20261127-A001');
  });

  it('carries none of the hints the form gives the advisor, but every value they label', () => {
    const html = customerCopy(filledJob(), STORE, '张顾问');
    for (const hint of ['（亮起的请点选）', '（当着客户的面安装）', '（选填）', '（客户原话）']) expect(html).not.toContain(hint);
    expect(html).toContain('<th scope="row">故障灯</th>');
    expect(html).toContain('<th scope="row">防护套</th>');
    expect(html).toContain('<th scope="row">客户单位</th><td>深圳某某科技有限公司</td>');
    expect(html).toContain('<th scope="row">客户描述</th><td>冷车启动有异响</td>');
  });

  it('leaves out a store line it has no value for, and the advisor when none is signed in', () => {
    const onlyName = customerCopy(filledJob(), { ...mergeStoreProfile(undefined, undefined), name: '平板上的店名', source: 'tablet' }, null);
    expect(onlyName).toContain('平板上的店名');
    expect(onlyName).not.toContain('电话：');
    expect(onlyName).not.toContain('服务顾问');

    const nothing = customerCopy(filledJob(), mergeStoreProfile(undefined, undefined), null);
    expect(nothing).not.toContain('print-store');
    expect(nothing).not.toContain('电话：');
    expect(nothing).toContain('电子接车单');
  });
});
