import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { formatDate } from './format';
import { useT } from './i18n';
import { useEChart } from './use-echart';

echarts.use([ScatterChart, GridComponent, TooltipComponent]);

/** One dated event of a breach's timeline, as the catalogue gives it. */
export interface TimelineEvent {
  id: string;
  kind: string;
  date?: string | null;
  description?: string | null;
  confidence?: string | null;
}

/**
 * A breach's dated events on a time axis (ECharts, on a canvas), one row per kind of event
 * (intrusion, detection, disclosure, notifications…), so the weeks between the intrusion and each
 * notification read at a glance. An event of unknown date is not drawn: it has no place on the
 * axis, and the table under the chart lists it as unknown. The dates themselves, with their source
 * and confidence, are in that table with their `data-figure`; the chart only draws them.
 */
export function TimelineChart({ breachId, events, label }: { breachId: string; events: readonly TimelineEvent[]; label: string }) {
  const { lang, v } = useT();
  const dated = events
    .filter((e): e is TimelineEvent & { date: string } => typeof e.date === 'string' && e.date !== '')
    .map((e) => ({ id: e.id, kind: v(e.kind), date: e.date, description: e.description ?? '', confidence: e.confidence ?? null }))
    .sort((a, b) => a.date.localeCompare(b.date));
  // One row per kind, in the order the kinds first happen.
  const kinds = [...new Set(dated.map((e) => e.kind))];
  // Redrawn when the events or the language change, not on every render (new arrays each time).
  const key = JSON.stringify({ dated, kinds });
  const ref = useEChart(() => {
    if (dated.length === 0) return null;
    const { dated: points, kinds: rows } = JSON.parse(key) as { dated: typeof dated; kinds: string[] };
    return {
      animation: false,
      grid: { left: 10, right: 30, top: 10, bottom: 10, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const e = points[p.dataIndex];
          // Text only: the description is data, never markup.
          const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
          return `${escape(formatDate(lang, e.date))}<br/><strong>${escape(e.kind)}</strong>${e.description ? `<br/>${escape(e.description)}` : ''}`;
        },
      },
      xAxis: {
        type: 'time',
        axisLabel: { hideOverlap: true, formatter: (value: number) => formatDate(lang, new Date(value).toISOString().slice(0, 10)) },
      },
      yAxis: { type: 'category', inverse: true, data: rows, axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        {
          type: 'scatter',
          symbolSize: 12,
          itemStyle: { color: '#000091' },
          data: points.map((e) => [`${e.date}T00:00:00Z`, e.kind]),
        },
      ],
    };
  }, [key, lang]);
  if (dated.length === 0) return null;
  return <div ref={ref} className="timeline-chart" data-testid={`timeline-chart-${breachId}`} role="img" aria-label={label} data-points={dated.length} style={{ height: 50 + 32 * kinds.length }} />;
}
