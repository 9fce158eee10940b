// One chart: a canvas ECharts draws into once its module has loaded, redrawn when the option
// changes and resized with its box. The numbers are also in the table beside it, so a chart
// that fails to load says so and leaves the page usable.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useSay } from '../language.tsx';
import { W } from './messages.ts';

type EChartProps = { option: EChartsCoreOption; label: string; height?: number; className?: string };

export function EChart({ option, label, height = 280, className }: EChartProps) {
  const say = useSay();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: { setOption(option: EChartsCoreOption, notMerge: boolean): void; resize(): void; dispose(): void } | undefined;
    let gone = false;
    const observer = new ResizeObserver(() => chart?.resize());
    import('./echarts-setup.ts').then(
      ({ init }) => {
        if (gone) return;
        chart = init(element, null, { renderer: 'canvas' });
        chart.setOption(option, true);
        observer.observe(element);
      },
      () => setFailed(true),
    );
    return () => {
      gone = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [option]);

  if (failed) return <p className="console-error">{say(W.chartFailed)}</p>;
  return <div ref={box} className={className ?? 'report-chart'} role="img" aria-label={say(W.chartOf, { title: label })} style={className ? undefined : { height }} />;
}
