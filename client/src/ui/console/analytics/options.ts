/**
 * ECharts options for the analytics cards, built from the API's answers: pure functions, no
 * ECharts import (the library arrives with the first chart). Animation is off: figures refresh
 * every half minute and a chart that moves each time reads worse, on a console that may be slow.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { AnalyticsTotals, SeriesBucket, SeriesPoint } from '../../../../../shared/api/analytics';
import { bucketLabel } from './format';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** Ludao's colours: sea, bougainvillea, the sun on the roofs, the harbour's green, brick. */
export const PALETTE = ['#0d3b57', '#d6336c', '#f2b63d', '#2a9d8f', '#b5452f', '#6c5b7b'];

const base = { animation: false, color: PALETTE, textStyle: { fontFamily: 'inherit' } };

export function seriesOption(series: SeriesPoint[], bucket: SeriesBucket, t: T): EChartsCoreOption {
  const multiDay = series.length > 1 && series[series.length - 1].t - series[0].t >= 86_400_000;
  const interactions = series.map((p) => p.brochureDownloads + p.websiteClicks + p.questions + p.cards + p.meetingsBooked);
  return {
    ...base,
    grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14, itemHeight: 8 },
    xAxis: { type: 'category', data: series.map((p) => bucketLabel(p.t, bucket, multiDay)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('counters.visits'),
        type: 'line',
        data: series.map((p) => p.visits),
        smooth: true,
        showSymbol: series.length < 40,
        areaStyle: { opacity: 0.12 },
      },
      { name: t('counters.uniqueVisitors'), type: 'line', data: series.map((p) => p.uniqueVisitors), smooth: true, showSymbol: series.length < 40 },
      {
        name: t('interactions'),
        type: 'bar',
        yAxisIndex: 1,
        data: interactions,
        barMaxWidth: 14,
        itemStyle: { color: PALETTE[2], borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}

export function dwellOption(bins: { fromS: number; toS: number | null; visits: number }[], t: T): EChartsCoreOption {
  return {
    ...base,
    grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bins.map((_, i) => t(`dwellBins.b${i}`)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('dwellAxis'), data: bins.map((b) => b.visits), barMaxWidth: 36, itemStyle: { color: PALETTE[3], borderRadius: [4, 4, 0, 0] } },
    ],
  };
}

/** Engagement from arriving to meeting, as horizontal bars, each with its share of the unique visitors. */
export function funnelOption(totals: AnalyticsTotals, t: T): EChartsCoreOption {
  const steps = ['visits', 'uniqueVisitors', 'brochureDownloads', 'websiteClicks', 'questions', 'cards', 'meetingsBooked', 'meetingsHeld'] as const;
  const uniques = totals.uniqueVisitors;
  const rows = [...steps].reverse();
  return {
    ...base,
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) =>
        `${p.name}: ${p.value}` + (uniques && p.name !== t('counters.visits') ? `<br>${t('ofUniques', { pct: Math.round((p.value / uniques) * 100) })}` : ''),
    },
    xAxis: { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { show: false } },
    yAxis: { type: 'category', data: rows.map((k) => t(`counters.${k}`)), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: rows.map((k, i) => ({ value: totals[k], itemStyle: { color: PALETTE[(rows.length - 1 - i) % PALETTE.length] } })),
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
        itemStyle: { borderRadius: [0, 4, 4, 0] },
      },
    ],
  };
}
