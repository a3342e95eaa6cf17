import { useEffect, useRef, type DependencyList } from 'react';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Every chart draws on a canvas: no outside resource, nothing but the bundle.
echarts.use([CanvasRenderer]);

/**
 * An ECharts chart on the returned element's ref: made with `option()` when `deps` change (null:
 * nothing to draw), resized with the window, disposed when they change again or the component
 * goes. The charts (Sankey, bars, timeline) register their own chart types and components with
 * `echarts.use`; this owns the chart's life, which each of them had written out.
 */
export function useEChart(option: () => echarts.EChartsCoreOption | null, deps: DependencyList) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const drawn = option();
    if (!ref.current || drawn === null) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(drawn);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // `option` is read when `deps` change, as each chart's own effect read its values.
  }, deps);
  return ref;
}
