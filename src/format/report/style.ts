/** The report's only style sheet, inlined: system fonts, no images, a print and a phone layout. */
export const REPORT_CSS = `
:root {
  --ink: #1d2430; --muted: #5b6474; --line: #d5dae3; --paper: #ffffff; --tint: #f5f7fa;
  --covered: #c9ecd1; --covered-ink: #1b5e2a;
  --external: #cfe2fb; --external-ink: #174a8b;
  --absorbed: #ffe3b3; --absorbed-ink: #8a4b00;
  --uncovered: #f8c9c5; --uncovered-ink: #9b1c13;
  --na: #eceef2; --na-ink: #5b6474;
  --error: #b42318; --warning: #a15c00; --info: #1f4e9c;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--tint); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1480px; margin: 0 auto; padding: 20px 24px 32px; }
h1 { font-size: 1.6rem; margin: 0 0 2px; }
h2 { font-size: 1.2rem; margin: 0 0 12px; }
h3 { font-size: 1.05rem; margin: 16px 0 8px; }
h4 { font-size: .95rem; margin: 0 0 4px; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: var(--muted); }
.count { display: inline-block; min-width: 1.6em; padding: 0 6px; border-radius: 9px; background: var(--tint); border: 1px solid var(--line); font-size: .8em; text-align: center; font-weight: 600; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; }
header.report-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px 24px; align-items: flex-end; }
.subtitle { color: var(--muted); margin: 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; margin: 14px 0 12px; padding: 0; list-style: none; }
.facts li { background: var(--tint); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.facts .value { display: block; font-size: 1.35rem; font-weight: 700; }
.facts .label { color: var(--muted); font-size: .82rem; }
.facts .errors.some .value { color: var(--error); }
.facts .warnings.some .value { color: var(--warning); }
.facts .infos.some .value { color: var(--info); }
.coverage-bar { display: flex; height: 22px; border-radius: 6px; overflow: hidden; border: 1px solid var(--line); font-size: .75rem; font-weight: 700; }
.coverage-bar span { display: flex; align-items: center; justify-content: center; min-width: 18px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 10px 0 0; font-size: .85rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; border: 1px solid rgba(0,0,0,.15); flex: none; }
.swatch.external { background: #fff; border: 1.5px dashed #5b6474; }
.status-covered { background: var(--covered); color: var(--covered-ink); }
.status-external { background: var(--external); color: var(--external-ink); }
.status-absorbed { background: var(--absorbed); color: var(--absorbed-ink); }
.status-uncovered { background: var(--uncovered); color: var(--uncovered-ink); }
.status-not-applicable { background: var(--na); color: var(--na-ink); }
.status-legend li { background: none; color: var(--ink); }
.status-covered .swatch { background: var(--covered); } .status-external .swatch { background: var(--external); }
.status-absorbed .swatch { background: var(--absorbed); } .status-uncovered .swatch { background: var(--uncovered); }
.status-not-applicable .swatch { background: var(--na); }
.status-legend li.status-covered, .status-legend li.status-external, .status-legend li.status-absorbed, .status-legend li.status-uncovered, .status-legend li.status-not-applicable { background: none; color: var(--ink); }
.chart-scroll, .heatmap-scroll, .table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
svg.org-chart { display: block; width: 100%; max-width: var(--chart-width); min-width: min(var(--chart-width), 760px); height: auto; }
svg.org-chart .edges path { stroke: #9aa4b5; stroke-width: 1.5; }
svg.org-chart .box { fill: #fff; stroke: #aab3c2; stroke-width: 1.2; }
svg.org-chart .external .box { stroke-dasharray: 5 3; stroke: #5b6474; fill: #fbfbfd; }
svg.org-chart .line-problem .box { stroke: var(--error); stroke-width: 1.6; }
svg.org-chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg.org-chart .name { font-size: 13px; font-weight: 700; }
svg.org-chart .title { font-size: 11.5px; fill: #3a4250; }
svg.org-chart .roles { font-size: 10.5px; fill: var(--muted); }
.org-list { list-style: none; padding: 0; margin: 0; columns: 2 420px; font-size: .88rem; }
.org-list li { padding: 2px 0 2px calc(var(--depth) * 14px); break-inside: avoid; display: flex; gap: 6px; align-items: baseline; }
.org-list .swatch { width: 10px; height: 10px; }
.line-problems { color: var(--error); font-size: .88rem; }
table.heatmap { border-collapse: separate; border-spacing: 4px; width: 100%; min-width: 1040px; }
table.heatmap th { text-align: left; vertical-align: top; width: 140px; padding: 6px 8px 6px 0; font-weight: 600; }
table.heatmap th .role-title { display: block; }
table.heatmap th .muted { display: block; font-weight: 400; font-size: .78rem; }
table.heatmap td { width: 12.5%; vertical-align: top; padding: 6px 6px; border-radius: 6px; font-size: .8rem; line-height: 1.3; }
table.heatmap td.empty { background: none; }
.duty-title { display: block; font-weight: 700; font-size: .9em; color: var(--ink); }
.duty-status { display: block; font-size: .72rem; text-transform: uppercase; letter-spacing: .04em; font-weight: 700; }
.duty-who { display: block; color: var(--ink); overflow-wrap: anywhere; }
.via { display: block; color: var(--muted); font-size: .72rem; }
.more { color: var(--muted); font-size: .72rem; white-space: nowrap; }
.severity h3 { border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.severity-error h3 { color: var(--error); border-color: var(--error); }
.severity-warning h3 { color: var(--warning); border-color: var(--warning); }
.severity-info h3 { color: var(--info); border-color: var(--info); }
.severity-error .rule { border-left-color: var(--error); }
.severity-warning .rule { border-left-color: var(--warning); }
.severity-info .rule { border-left-color: var(--info); }
.rule { border-left: 3px solid var(--line); padding: 4px 0 4px 12px; margin: 10px 0; break-inside: avoid; }
.rule-summary, .rule-fix { margin: 4px 0; font-size: .9rem; }
.rule-fix { color: #3a4250; }
.finding-list { margin: 4px 0; padding-left: 18px; font-size: .9rem; }
.finding-list li { margin: 2px 0; overflow-wrap: anywhere; }
.position { font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); margin-right: 4px; }
.all-clear { color: var(--covered-ink); font-weight: 600; }
table.members { border-collapse: collapse; width: 100%; font-size: .85rem; }
table.members th, table.members td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
table.members th { background: var(--tint); font-weight: 600; }
footer { color: var(--muted); font-size: .8rem; text-align: center; margin-top: 20px; }

@media (max-width: 720px) {
  body { font-size: 14px; }
  main { padding: 12px 10px 24px; }
  section.card { padding: 12px; border-radius: 8px; }
  h1 { font-size: 1.3rem; }
  table.heatmap, table.heatmap tbody, table.heatmap tr, table.heatmap th { display: block; width: auto; min-width: 0; }
  table.heatmap tr { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; margin-bottom: 12px; }
  table.heatmap th { grid-column: 1 / -1; padding: 4px 0 0; }
  table.heatmap td { display: block; width: auto; }
  table.heatmap td.empty { display: none; }
  .org-list { columns: 1; }
  table.members .optional { display: none; }
}

@media print {
  @page { margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  section.card { border: none; border-radius: 0; padding: 0; margin: 0 0 14pt; break-inside: auto; }
  section.card > h2 { break-after: avoid; }
  .chart-scroll, .heatmap-scroll, .table-scroll { overflow: visible; }
  svg.org-chart { min-width: 0; max-width: 100%; break-inside: avoid; }
  table.heatmap { min-width: 0; font-size: 7.5pt; }
  table.heatmap tr, .rule, table.members tr { break-inside: avoid; }
  .org-list { columns: 2; }
  a { color: inherit; text-decoration: none; }
}
`;
