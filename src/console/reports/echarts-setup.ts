// Apache ECharts, loaded by the reports page only (import() of this module) and only the parts
// the reports draw: bar, line and heatmap series, their grid, axes, tooltip, legend and colour
// scale, on the Canvas renderer. Through echarts/core the rest of the library is never bundled.
// Why ECharts: it is what Chinese business users see every day (the dashboards of DMS and BI
// tools they already use), it is kept by the Apache Software Foundation, renders to canvas
// quickly with thousands of points, and tree-shakes to what is used.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { init };
