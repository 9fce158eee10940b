// The damage heat map: each view of the tablets' own vehicle diagram (their line art, imported
// from the walk-around, not redrawn) with the counted marks over it as an ECharts heatmap on a
// transparent canvas of the same box. One colour scale for all views, so they compare.
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { Outline, VIEW_BOX } from '../../ui/vehicle-outline/vehicle-outlines.tsx';
import type { DamageMapReport } from '../../shared/console/report-api.ts';
import type { BodyStyle } from '../../shared/job.ts';
import { useLanguage, useSay } from '../language.tsx';
import { EChart } from './EChart.tsx';
import { tabletWord, W } from './messages.ts';

type View = DamageMapReport['views'][number];

function heatOption(view: View, max: number): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'category', show: false, data: Array.from({ length: view.cols }, (_, i) => i) },
    // Row 0 is the diagram's top edge.
    yAxis: { type: 'category', show: false, inverse: true, data: Array.from({ length: view.rows }, (_, i) => i) },
    visualMap: { show: false, min: 1, max: Math.max(1, max), inRange: { color: ['rgba(250, 204, 21, 0.45)', 'rgba(234, 88, 12, 0.65)', 'rgba(185, 28, 28, 0.85)'] } },
    series: [{ type: 'heatmap', data: view.cells, emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 1 } } }],
  };
}

export function DamageHeatMap({ report }: { report: DamageMapReport }) {
  const say = useSay();
  const { language } = useLanguage();
  const [body, setBody] = useState<BodyStyle>('sedan');
  const max = Math.max(0, ...report.views.flatMap((view) => view.cells.map(([, , n]) => n)));
  const options = useMemo(() => report.views.map((view) => heatOption(view, max)), [report, max]);
  return (
    <div className="report-heat">
      <div className="report-heat-body" role="group" aria-label={say(W.damageMap)}>
        {(['sedan', 'suv'] as const).map((style) => (
          <button key={style} type="button" className="console-button" aria-pressed={body === style} onClick={() => setBody(style)}>
            {say(W[style])}
          </button>
        ))}
      </div>
      <p className="console-hint">{say(W.cardsWithMarks, { cards: report.cards, marked: report.cardsWithMarks })}</p>
      <div className="report-heat-views">
        {report.views.map((view, i) => (
          <figure key={view.view} className={`report-heat-view report-heat-${view.view}`}>
            <div className="report-heat-box" style={{ aspectRatio: `${VIEW_BOX[view.view].width} / ${VIEW_BOX[view.view].height}` }}>
              <Outline body={body} view={view.view} />
              <EChart option={options[i] ?? {}} label={`${say(W.damageMap)} · ${tabletWord(language, `view.${view.view}`)}`} className="report-heat-chart" />
            </div>
            <figcaption>
              {tabletWord(language, `view.${view.view}`)} · {view.total}
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
