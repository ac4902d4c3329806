// The statistics charts (loaded only with the 统计 screen): the daily trend, and volume with satisfaction
// per department and per category. ECharts from `echarts/core` with just the charts used.
import type { Hotspot, StatsResponse } from '@minhu/shared';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build (lib/ is CommonJS, whose default export arrives wrapped in the bundle).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Card, Col, Row } from 'antd';
import { categoryName, departmentName, streetName } from '../../lib/labels';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

function volumeAndSatisfaction(names: string[], filed: number[], satisfaction: Array<number | null>) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', max: 100, min: 0 },
    ],
    series: [
      { name: '来件量', type: 'bar', data: filed, barMaxWidth: 28 },
      { name: '满意率', type: 'line', yAxisIndex: 1, data: satisfaction, connectNulls: true },
    ],
  };
}

export default function StatsCharts({ stats }: { stats: StatsResponse }) {
  const trend = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 56 },
    dataZoom: stats.daily.length > 31 ? [{ type: 'slider', bottom: 8 }] : [],
    xAxis: { type: 'category', data: stats.daily.map((d) => d.date.slice(5)) },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', max: 100, min: 0 },
    ],
    series: [
      { name: '来件量', type: 'line', smooth: true, data: stats.daily.map((d) => d.filed) },
      { name: '受理量', type: 'line', smooth: true, data: stats.daily.map((d) => d.accepted) },
      { name: '办结量', type: 'line', smooth: true, data: stats.daily.map((d) => d.closed) },
      { name: '满意率', type: 'line', yAxisIndex: 1, data: stats.daily.map((d) => pct(d.satisfactionRate)), connectNulls: true },
    ],
  };
  const depts = stats.byDepartment.slice(0, 12);
  const cats = stats.byCategory.slice(0, 18);
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Card size="small" title="每日趋势（按提交日期）" style={{ marginBottom: 16 }}>
          <ReactEChartsCore echarts={echarts} option={trend} style={{ height: 300 }} notMerge data-testid="chart-daily" />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="各承办单位来件量与满意率" style={{ marginBottom: 16 }}>
          <ReactEChartsCore
            echarts={echarts}
            option={volumeAndSatisfaction(depts.map((d) => departmentName(d.department)), depts.map((d) => d.filed), depts.map((d) => pct(d.satisfactionRate)))}
            style={{ height: 300 }}
            notMerge
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="各分类来件量与满意率" style={{ marginBottom: 16 }}>
          <ReactEChartsCore
            echarts={echarts}
            option={volumeAndSatisfaction(cats.map((c) => categoryName(c.categoryId)), cats.map((c) => c.filed), cats.map((c) => pct(c.satisfactionRate)))}
            style={{ height: 300 }}
            notMerge
          />
        </Card>
      </Col>
    </Row>
  );
}

/** 热点: the busiest hotspots as horizontal bars, the busiest on top. */
export function HotspotChart({ items }: { items: Hotspot[] }) {
  const rows = [...items].reverse();
  const option = {
    // Bars that appear when the period changes would otherwise grow from zero next to full ones.
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '件', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((h) => `${categoryName(h.categoryId)} · ${streetName(h.street)}`), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      {
        name: '工单数',
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((h) => h.count),
        label: { show: true, position: 'right' },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(160, 32 * rows.length + 24) }} notMerge data-testid="chart-hotspots" />;
}
