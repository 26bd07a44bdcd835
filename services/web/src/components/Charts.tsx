import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// only the parts these two charts use (tree-shaken); SVG draws crisp text and prints well
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} />;
}

/** 五好达标率 of each child, as bars (highest first). */
export function RateBars({ rows }: { rows: Array<{ name: string; rate: number | null }> }) {
  const sorted = [...rows].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
  const option = {
    grid: { left: 110, right: 30, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
    series: [{ type: 'bar', name: '五好达标率', data: sorted.map((r) => (r.rate === null ? null : Number((r.rate * 100).toFixed(1)))), itemStyle: { color: '#b22222' } }],
  };
  const text = `五好达标率:${sorted.map((r) => `${r.name} ${r.rate === null ? '无' : `${(r.rate * 100).toFixed(1)}%`}`).join(',')}`;
  return <Chart option={option} label={text} />;
}

/** A few counts over the years, as lines. */
export function YearLines({ years, series }: { years: string[]; series: Array<{ name: string; values: number[] }> }) {
  const option = {
    grid: { left: 60, right: 30, top: 40, bottom: 30 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.values })),
  };
  const text = series.map((s) => `${s.name}:${years.map((y, i) => `${y}年 ${s.values[i]}`).join(',')}`).join(';');
  return <Chart option={option} label={text} />;
}
