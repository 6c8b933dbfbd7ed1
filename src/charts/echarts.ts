// The one place ECharts is assembled: only the charts and components we draw are bundled.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { DARK_THEME, LIGHT_THEME } from './theme';

echarts.use([LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, VisualMapComponent, CanvasRenderer]);
echarts.registerTheme('hqd-light', LIGHT_THEME);
echarts.registerTheme('hqd-dark', DARK_THEME);

export { echarts };
export type { EChartsType } from 'echarts/core';
