import * as echarts from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { formatNumber } from './format';
import { useT } from './i18n';
import { useEChart } from './use-echart';

echarts.use([SankeyChart, TooltipComponent]);

/** A path of a breach's impact, as the Sankey needs it. */
export interface SankeyPath {
  system: string;
  operator: string;
  network: string | null;
  insurerId: string;
  insurer: string;
}

/** What the API says of one insurer's people: its count, or why there is none. */
export interface InsurerWeight {
  people: number | null;
  /** Withheld by disclosure control (`suppressed`). */
  suppressed: boolean;
  /** No portfolio of it is loaded (`coverage.status` NO_PORTFOLIO_LOADED): its people are unknown. */
  noPortfolio: boolean;
}

/** The insurers not drawn, by the API's reason: suppressed, no portfolio loaded, else unknown. */
export interface NotDrawn {
  suppressed: string[];
  noPortfolio: string[];
  unknown: string[];
}

/** The links of the Sankey: breach → system → operator → care network → insurer. */
export interface SankeyData {
  nodes: Array<{ name: string; label: string; depth: number }>;
  links: Array<{ source: string; target: string; value: number }>;
  /** Insurers whose weight is not known to this reader, not drawn, each under the API's reason. */
  notDrawn: NotDrawn;
}

/**
 * Builds the Sankey from the paths and what the API says of each insurer's people: each
 * insurer's people are shared equally between its paths (the API counts people per insurer, not
 * per path), and every link upstream adds up what flows through it. Insurers without a count are
 * left out and listed by reason: suppressed (disclosure control), no portfolio loaded, else unknown.
 */
export function sankeyData(breach: string, paths: SankeyPath[], weights: Map<string, InsurerWeight>): SankeyData {
  const nodes = new Map<string, { name: string; label: string; depth: number }>();
  const links = new Map<string, { source: string; target: string; value: number }>();
  const node = (depth: number, id: string, label: string) => {
    const name = `${depth}:${id}`;
    if (!nodes.has(name)) nodes.set(name, { name, label, depth });
    return name;
  };
  const add = (source: string, target: string, value: number) => {
    const key = `${source}→${target}`;
    const link = links.get(key) ?? { source, target, value: 0 };
    link.value += value;
    links.set(key, link);
  };
  const pathsOf = new Map<string, SankeyPath[]>();
  for (const p of paths) pathsOf.set(p.insurerId, [...(pathsOf.get(p.insurerId) ?? []), p]);
  const notDrawn: NotDrawn = { suppressed: [], noPortfolio: [], unknown: [] };
  for (const [insurerId, own] of pathsOf) {
    const weight = weights.get(insurerId);
    const people = weight?.suppressed ? null : (weight?.people ?? null);
    if (people === null) {
      notDrawn[weight?.suppressed ? 'suppressed' : weight?.noPortfolio ? 'noPortfolio' : 'unknown'].push(own[0].insurer);
      continue;
    }
    if (people === 0) continue;
    const share = people / own.length;
    for (const p of own) {
      const chain = [node(0, 'breach', breach), node(1, p.system, p.system), node(2, p.operator, p.operator)];
      if (p.network) chain.push(node(3, p.network, p.network));
      chain.push(node(4, insurerId, p.insurer));
      for (let i = 1; i < chain.length; i++) add(chain[i - 1], chain[i], share);
    }
  }
  const sorted = (names: string[]) => [...new Set(names)].sort();
  return {
    nodes: [...nodes.values()],
    links: [...links.values()],
    notDrawn: { suppressed: sorted(notDrawn.suppressed), noPortfolio: sorted(notDrawn.noPortfolio), unknown: sorted(notDrawn.unknown) },
  };
}

/** The ECharts Sankey of {@link sankeyData}, drawn on a canvas (no outside resource). */
export function Sankey({ data }: { data: SankeyData }) {
  const { lang } = useT();
  const ref = useEChart(
    () => ({
      animation: false,
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(lang, Math.round(Number(v))) },
      series: [
        {
          type: 'sankey',
          left: 10,
          right: 160,
          nodeAlign: 'left',
          emphasis: { focus: 'adjacency' },
          data: data.nodes.map((n) => ({ name: n.name, depth: n.depth, label: { formatter: () => n.label } })),
          links: data.links,
          lineStyle: { color: 'gradient', opacity: 0.4 },
          label: { fontSize: 11 },
        },
      ],
    }),
    [data, lang],
  );
  return <div ref={ref} className="sankey" data-testid="sankey" style={{ height: 460 }} />;
}
