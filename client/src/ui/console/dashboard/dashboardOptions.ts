/**
 * ECharts options for the live dashboard, from a snapshot: pure functions, no ECharts import (the
 * library arrives with the first chart, shared with the analytics cards).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { DashboardPoint } from '../../../../../shared/api/dashboard';
import { PALETTE } from '../analytics/options';

type T = (key: string) => string;

const hhmm = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });

export function perMinuteOption(series: DashboardPoint[], t: T): EChartsCoreOption {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14, itemHeight: 8 },
    xAxis: { type: 'category', data: series.map((p) => hhmm(p.minute)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: t('peakVisitors'), type: 'line', yAxisIndex: 0, showSymbol: false, areaStyle: { opacity: 0.12 }, data: series.map((p) => p.visitors) },
      { name: t('joins'), type: 'bar', yAxisIndex: 1, data: series.map((p) => p.joins) },
      { name: t('chat'), type: 'bar', yAxisIndex: 1, data: series.map((p) => p.chat) },
      { name: t('reports'), type: 'bar', yAxisIndex: 1, data: series.map((p) => p.reports) },
    ],
  };
}
