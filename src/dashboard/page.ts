// The dashboard page, server-rendered: the figures and tables are in the HTML itself (readable
// without JavaScript, quick on a low-end phone); the charts' ECharts options ride along as JSON
// and assets/dash.js draws them on top. Every user-supplied text goes through escapeHtml.
import { digestCharts } from "../charts/chart-sets.ts";
import { cumulativeChart } from "../charts/cumulative-chart.ts";
import type { ChartSpec } from "../charts/chart-spec.ts";
import { formatYuan } from "../domain/amount.ts";
import { percent, targetProgress } from "../domain/metrics.ts";
import { MONEY_TARGETS, shownTargetFields, TARGET_LABEL } from "../domain/targets.ts";
import type { DashboardData } from "../insights/dashboard-data.ts";
import { escapeHtml as h, jsonForHtml } from "./html.ts";

const dateLabel = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function charts(d: DashboardData): ChartSpec[] {
  if (d.unitName === null)
    return [...digestCharts(d.charts), cumulativeChart(d.charts, "signing"), cumulativeChart(d.charts, "signingYuan")];
  return [
    cumulativeChart(d.charts, "fundsYuan"),
    cumulativeChart(d.charts, "signing"),
    cumulativeChart(d.charts, "signingYuan"),
  ];
}

function targetRows(d: DashboardData): string {
  return shownTargetFields(d.targets, (f) => targetProgress(f, d.totals, d.targets, d.timeProgress).actual)
    .map((field) => {
      const p = targetProgress(field, d.totals, d.targets, d.timeProgress);
      const show = (n: number) => (MONEY_TARGETS.has(field) ? formatYuan(n) : String(n));
      const ahead =
        p.aheadPoints === null
          ? "-"
          : p.aheadPoints >= 0
            ? `超 ${p.aheadPoints.toFixed(1)} 点`
            : `欠 ${(-p.aheadPoints).toFixed(1)} 点`;
      const cls = p.aheadPoints !== null && p.aheadPoints < 0 ? ' class="behind"' : "";
      return `<tr data-target="${field}"${cls}><th scope="row">${TARGET_LABEL[field]}</th><td data-actual>${show(p.actual)}</td><td>${p.target === undefined ? "-" : show(p.target)}</td><td>${p.completion === null ? "-" : percent(p.completion)}</td><td>${ahead}</td></tr>`;
    })
    .join("");
}

function rankingTable(d: DashboardData): string {
  const rows = d.rows
    .map((r) => {
      const funds = targetProgress("fundsArrived", r.totals, r.targets, d.timeProgress);
      const cls = funds.aheadPoints !== null && funds.aheadPoints < 0 ? ' class="behind"' : "";
      return `<tr data-unit="${h(r.unitId)}"${cls}><td>${r.rank}</td><th scope="row">${h(r.name)}</th><td data-score>${r.score.toFixed(1)}</td><td>${h(r.change)}</td><td data-funds-rate>${funds.completion === null ? "-" : percent(funds.completion)}</td></tr>`;
    })
    .join("");
  return `<table class="rank"><caption>赛马排名（满分100，变化为较上周名次）</caption><thead><tr><th>名次</th><th>单位</th><th>得分</th><th>变化</th><th>到位资金完成率</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function progressTable(d: DashboardData): string {
  const rows = d.rows
    .map((r) => {
      const t = r.totals;
      return `<tr data-unit="${h(r.unitId)}"><th scope="row">${h(r.name)}</th><td>${t.visitOut}/${t.visitIn}</td><td data-signing>${t.signing}</td><td data-signing-yuan>${formatYuan(t.signingYuan)}</td><td data-funds>${formatYuan(t.fundsYuan)}</td><td>${t.landed}</td><td>${t.started}</td><td>${t.producing}</td><td>${t.registered}</td></tr>`;
    })
    .join("");
  return `<table class="progress"><caption>各单位进度与项目阶段（本年累计）</caption><thead><tr><th>单位</th><th>走出去/请进来</th><th>签约(个)</th><th>签约金额</th><th>到位资金</th><th>落地</th><th>开工</th><th>投产</th><th>入库</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function bigList(d: DashboardData): string {
  if (d.bigSignings.length === 0) return `<p class="empty">本年暂无亿元以上签约项目。</p>`;
  const items = d.bigSignings
    .map(
      (s) =>
        `<li><span class="name">${h(s.project)}</span> <b>${formatYuan(s.amountYuan)}</b> <span class="meta">${h(s.unitName)} · ${s.date.slice(5)}</span></li>`,
    )
    .join("");
  return `<ol class="big">${items}</ol>`;
}

export function renderDashboardPage(d: DashboardData): string {
  const scopeName = d.unitName ?? "全县";
  const t = d.totals;
  const funds = targetProgress("fundsArrived", t, d.targets, d.timeProgress);
  const specs = charts(d);
  const figures = specs
    .map(
      (s) =>
        `<figure><div class="chart" data-chart="${s.name}"></div><figcaption>${h(s.caption)}</figcaption></figure>`,
    )
    .join("");
  const chartJson = specs.map((s) => ({ name: s.name, width: s.width, height: s.height, option: s.option }));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${h(scopeName)}招商引资看板</title><link rel="stylesheet" href="/dash/assets/dash.css"></head>
<body><header><h1>${h(scopeName)}招商引资看板</h1><p>截至${dateLabel(d.today)} · 序时进度 <b data-figure="time-progress">${percent(d.timeProgress)}</b>${d.unitName === null ? ` · ${d.unitCount} 个单位` : ` · 第 ${d.rows[0]!.rank}/${d.unitCount} 名`}</p></header>
<main>
<section class="cards">
<div class="card"><span>签约项目</span><b data-figure="signing">${t.signing}</b><small>亿元以上 <span data-figure="big-signing">${t.bigSigning}</span> 个</small></div>
<div class="card"><span>签约金额</span><b data-figure="signing-yuan">${formatYuan(t.signingYuan)}</b></div>
<div class="card${funds.aheadPoints !== null && funds.aheadPoints < 0 ? " behind" : ""}"><span>到位资金</span><b data-figure="funds">${formatYuan(t.fundsYuan)}</b><small>完成 <span data-figure="funds-rate">${funds.completion === null ? "-" : percent(funds.completion)}</span></small></div>
<div class="card"><span>落地 · 开工 · 投产 · 入库</span><b data-figure="stages">${t.landed} · ${t.started} · ${t.producing} · ${t.registered}</b></div>
</section>
<section><h2>目标完成</h2><table class="targets"><thead><tr><th>指标</th><th>完成</th><th>目标</th><th>完成率</th><th>对序时</th></tr></thead><tbody>${targetRows(d)}</tbody></table></section>
<section class="charts"><h2>图表</h2>${figures}</section>
<section><h2>赛马排名</h2>${rankingTable(d)}</section>
<section><h2>各单位进度</h2>${progressTable(d)}</section>
<section><h2>亿元以上签约项目（${d.bigSignings.length} 个）</h2>${bigList(d)}</section>
</main>
<footer>只读看板 · 链接有时效，请勿外传</footer>
<script type="application/json" id="dash-charts">${jsonForHtml(chartJson)}</script>
<script src="/dash/assets/echarts.min.js"></script><script src="/dash/assets/dash.js"></script>
</body></html>`;
}
