import type { EChartsCoreOption } from 'echarts/core';
import { tooltipElement } from './tooltip';

/**
 * Where one region lies among its peers: it filled in the accent colour and named in bold, the
 * others light with their names, so the map reads without colour too (the name is on it).
 */
export interface LocatorRegion {
  /** The feature's name in the registered map. */
  name: string;
  label: string;
  id: string;
}

export function buildLocatorOption(map: string, regions: readonly LocatorRegion[], currentId: string, here: string): EChartsCoreOption {
  const byName = new Map(regions.map((r) => [r.name, r]));
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true, formatter: (p: { name: string }) => tooltipElement(byName.get(p.name)?.label ?? p.name, []) },
    series: [
      {
        type: 'map',
        map,
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '94%',
        itemStyle: { areaColor: '#e6eaef', borderColor: '#ffffff', borderWidth: 1.2 },
        emphasis: { itemStyle: { areaColor: '#cfd6de' }, label: { show: true } },
        label: { show: true, fontSize: 12, color: '#3e4c59' },
        data: regions.map((r) =>
          r.id === currentId
            ? { name: r.name, value: 1, itemStyle: { areaColor: '#b42318' }, label: { color: '#ffffff', fontWeight: 'bold', fontSize: 14, formatter: `${r.label}\n${here}` } }
            : { name: r.name, value: 0, label: { formatter: r.label } },
        ),
      },
    ],
  };
}
