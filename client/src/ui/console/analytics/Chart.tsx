/**
 * One ECharts chart in a div. ECharts arrives with the first chart (echartsSetup.ts, a chunk of its
 * own); the chart follows its box's size and is disposed with the component.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NS } from './locales';

type Lib = typeof import('./echartsSetup');
let lib: Promise<Lib> | null = null;

export function loadCharts(): Promise<Lib> {
  lib ??= import('./echartsSetup').catch((e: unknown) => {
    // a failed chunk load is tried again by the next chart
    lib = null;
    throw e;
  });
  return lib;
}

export function Chart({ option, label, testId, height = 240 }: { option: EChartsCoreOption; label: string; testId: string; height?: number }) {
  const { t } = useTranslation(NS);
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let gone = false;
    let made: ECharts | null = null;
    let watch: ResizeObserver | null = null;
    loadCharts()
      .then(({ init }) => {
        if (gone || !box.current) return;
        made = init(box.current, null, { renderer: 'canvas' });
        const c = made;
        watch = new ResizeObserver(() => c.resize());
        watch.observe(box.current);
        setChart(made);
      })
      .catch(() => !gone && setFailed(true));
    return () => {
      gone = true;
      watch?.disconnect();
      made?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <figure className="analytics-figure">
      <figcaption>{label}</figcaption>
      {failed && <p className="form-problem">{t('chartsFailed')}</p>}
      <div ref={box} className="analytics-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} data-ready={chart ? 'true' : 'false'} />
    </figure>
  );
}
