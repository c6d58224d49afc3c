/**
 * The one module that imports ECharts, loaded on demand by charts.ts: the core with only the
 * charts and components the consoles draw, on the canvas renderer. It is its own chunk: the
 * landing page, the hall and the rest of the console never carry it.
 */
import { init, use as register } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// ECharts' `use` (registering modules) is not React's hook: renamed so no one reads it as one
register([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };
