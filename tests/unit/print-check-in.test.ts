// The printed 接车单 is the check-in record: a mark found at handover is neither on its damage
// list nor on its diagram (the handover copy shows it apart), even once the car is ready.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PrintCheckIn } from '../../src/app/print/PrintCheckIn.tsx';
import { I18nProvider } from '../../src/ui/i18n.tsx';
import { run } from './support/reducer.ts';
import { ADVISOR_A, CLIENT_A, id, jobIn, tablet } from './support/work-job.ts';

const m = tablet(CLIENT_A, ADVISOR_A);

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
