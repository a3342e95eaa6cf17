import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { formatNumber } from './format';
import { useT } from './i18n';
import { useEChart } from './use-echart';

echarts.use([BarChart, GridComponent, TooltipComponent]);

/** Width of a bar's label, in pixels: a longer one wraps onto more lines. */
const LABEL_WIDTH = 230;
/** Height of a line of a label, in pixels. */
const LINE_HEIGHT = 15;
/** Height given to each bar with its label (up to three lines of label), in pixels. */
const BAR_HEIGHT = 58;

/** One bar: a Venn cell's label and its people (null when withheld or unknown: not drawn). */
export interface CrossBar {
  label: string;
  people: number | null;
}

/**
 * The people of each exact combination of breaches as horizontal bars (ECharts, on a canvas):
 * the cells add up to the distinct total, so nobody is drawn twice. A withheld or unknown cell
 * is not drawn (its length is not known to this reader); the table beside it says which. The
 * figures themselves are in that table, with their `data-figure`; the chart only draws them.
 */
export function CrossBreachBars({ bars, label }: { bars: CrossBar[]; label: string }) {
  const { lang } = useT();
  const drawn = bars.filter((b): b is { label: string; people: number } => b.people !== null);
  // Redrawn when the bars' content changes, not on every render (a new array each time).
  const key = JSON.stringify(drawn);
  const ref = useEChart(() => {
    const drawn = JSON.parse(key) as Array<{ label: string; people: number }>;
    return {
      animation: false,
      // Room for the labels set by hand (containLabel mismeasures wrapped labels, which then
      // overlapped): each label wraps within LABEL_WIDTH, one line every LINE_HEIGHT pixels.
      grid: { left: LABEL_WIDTH + 20, right: 60, top: 10, bottom: 30, containLabel: false },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(lang, Number(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(lang, v) } },
      yAxis: { type: 'category', inverse: true, data: drawn.map((b) => b.label), axisLabel: { width: LABEL_WIDTH, overflow: 'break', lineHeight: LINE_HEIGHT, fontSize: 12 } },
      series: [
        {
          type: 'bar',
          data: drawn.map((b) => b.people),
          itemStyle: { color: '#000091' },
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => formatNumber(lang, Number(p.value)) },
        },
      ],
    };
  }, [key, lang]);
  return <div ref={ref} className="cross-bars" data-testid="cross-bars" role="img" aria-label={label} style={{ height: 50 + BAR_HEIGHT * drawn.length }} />;
}
