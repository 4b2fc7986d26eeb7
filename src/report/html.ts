import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.ts';
import { OVERVIEW_CSS, overviewOfResults, renderOverview } from './overview.ts';
import { buildReportModel, SEVERITY_COLUMNS, type ResultView, type Totals } from './report-model.ts';
import type { Formatter } from './scan-report.ts';

const h = escapeHtml;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.4rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}th[data-sort]{cursor:pointer}th[data-sort]:after{content:" \\2195";color:#888}td.n{text-align:right}
.fail{color:#b00020;font-weight:600}.unknown{color:#8a6d00}.accepted{color:#555}.pass{color:#1b6e20}
pre{white-space:pre-wrap;margin:.2rem 0}.controls{margin:.5rem 0}.controls input,.controls select{margin-right:.5rem;padding:.2rem}.why{color:#555;font-size:.9em}
${OVERVIEW_CSS}`;

// Sorting and filtering only read and reorder rows: no data reaches innerHTML.
const SCRIPT = `(function(){
var table=document.getElementById('results');var body=table.tBodies[0];
var q=document.getElementById('q'),st=document.getElementById('status'),sv=document.getElementById('severity'),count=document.getElementById('count');
function apply(){var text=q.value.toLowerCase(),s=st.value,v=sv.value,n=0;
for(var i=0;i<body.rows.length;i++){var r=body.rows[i];
var ok=(!s||r.getAttribute('data-status')===s)&&(!v||r.getAttribute('data-severity')===v)&&(!text||r.textContent.toLowerCase().indexOf(text)>=0);
r.hidden=!ok;if(ok)n++;}
count.textContent=n+' of '+body.rows.length+' results';}
[q,st,sv].forEach(function(e){e.addEventListener('input',apply);});
var heads=table.tHead.rows[0].cells;
for(var c=0;c<heads.length;c++){(function(col,th){if(!th.hasAttribute('data-sort'))return;th.addEventListener('click',function(){
var dir=th.getAttribute('data-dir')==='asc'?'desc':'asc';th.setAttribute('data-dir',dir);
var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){
var x=a.cells[col].getAttribute('data-key')||a.cells[col].textContent,y=b.cells[col].getAttribute('data-key')||b.cells[col].textContent;
var cmp=x.localeCompare(y,undefined,{numeric:true});return dir==='asc'?cmp:-cmp;});
rows.forEach(function(r){body.appendChild(r);});});})(c,heads[c]);}
// a link can carry the view: report.html#status=fail&severity=high&q=logs&sort=Severity&dir=desc
var p=new URLSearchParams(location.hash.slice(1));
if(p.get('q'))q.value=p.get('q');if(p.get('status'))st.value=p.get('status');if(p.get('severity'))sv.value=p.get('severity');
for(var k=0;k<heads.length;k++){if(heads[k].textContent===p.get('sort')){heads[k].click();if(p.get('dir')==='desc')heads[k].click();}}
apply();})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
const SEVERITY_KEY: Record<string, string> = { critical: '0', high: '1', medium: '2', low: '3', info: '4' };
const STATUS_KEY: Record<string, string> = { fail: '0', unknown: '1', accepted: '2', pass: '3' };

function link(url: string | null): string {
  if (!url || !/^https:\/\//.test(url)) return '';
  return `<a href="${h(url)}" rel="noopener noreferrer">docs</a>`;
}

/** What is wrong first (in bold) for fails and unknowns, then the title, which states the goal. */
function finding(r: ResultView): string {
  if (r.status === 'fail' || r.status === 'unknown') return `<strong>${h(r.headline)}</strong><br>${h(r.title)}`;
  return h(r.title);
}

/** The fix, with the resource's own name, ARN, region and account in the commands. */
function fix(r: ResultView): string {
  if (r.status !== 'fail' || !r.remediation) return '';
  const { cli, terraform, console: steps } = r.remediation;
  return (
    `<details><summary>fix</summary><div class="why">AWS CLI:</div><pre>${h(cli)}</pre>` +
    `<div class="why">Terraform:</div><pre>${h(terraform)}</pre><div class="why">Console: ${h(steps)}</div></details>`
  );
}

function details(r: ResultView): string {
  let out = r.status === 'fail' ? fix(r) : r.status === 'unknown' ? '' : h(r.message);
  if (r.status === 'unknown' && r.reason) out += `<div class="why">message: ${h(r.message)}</div>`;
  if (r.acceptance) {
    const a = r.acceptance;
    out += `<div class="why">accepted${a.acceptedBy ? ` by ${h(a.acceptedBy)}` : ''}${a.expires ? ` until ${h(a.expires)}` : ''}: ${h(a.reason)} (${h(a.source)}); was ${h(a.originalStatus)}</div>`;
  }
  return out;
}

function countCells(t: Totals): string {
  return [...SEVERITY_COLUMNS.map((s) => t[s]), t.unknown, t.accepted, t.passed]
    .map((n) => `<td class="n">${n}</td>`)
    .join('');
}

/** One self-contained HTML file: no network, a script allowed only by its hash, every value escaped. */
export const formatHtml: Formatter = (report, options) => {
  const model = buildReportModel(report, options);
  const title = `cloudwarden report: account ${model.account.id}`;
  // a resource whose every check passed is one line of zeros: the total counts it, the table leaves it out
  const flagged = model.resources.filter((r) => r.totals.passed < r.totals.results);
  const clean = model.resources.length - flagged.length;
  const summary = flagged
    .map((r) => `<tr><td>${h(r.arn)}</td>${countCells(r.totals)}</tr>`)
    .concat(
      `<tr><th>Total (${model.resources.length} resources${clean ? `, ${clean} with every check passed not listed` : ''})</th>${countCells(model.totals)}</tr>`,
    )
    .join('\n');
  const rows = model.results
    .map(
      (r) =>
        `<tr data-status="${r.status}" data-severity="${r.severity}">` +
        `<td>${h(r.resource.arn)}</td>` +
        `<td class="${r.status}" data-key="${STATUS_KEY[r.status]}">${r.statusLabel}</td>` +
        `<td>${finding(r)}</td>` +
        `<td data-key="${SEVERITY_KEY[r.severity]}">${r.severityLabel}</td>` +
        `<td>${[r.checkId, ...r.aliases].map(h).join(', ')}</td>` +
        `<td>${details(r)}</td><td>${link(r.reference)}</td></tr>`,
    )
    .join('\n');
  const partial =
    (model.scan.partial
      ? '<p><strong>Warning:</strong> the snapshot is partial; missing evidence is reported as unknown.</p>'
      : '') +
    (model.scan.notCollected.length > 0
      ? `<p><strong>Not collected:</strong> ${model.scan.notCollected.map(h).join(', ')}: the evidence holds nothing for these services, so their checks did not run.</p>`
      : '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p>Evidence collected ${h(model.scan.collectedAt)}, report generated ${h(model.scan.generatedAt)} by cloudwarden ${h(model.tool.version)}.
${model.totals.results} results: ${model.totals.failed} failed, ${model.totals.unknown} unknown, ${model.totals.accepted} accepted, ${model.totals.passed} passed.</p>
${partial}
${renderOverview(overviewOfResults(report))}
<h2>Resources with findings</h2>
<table id="summary">
<thead><tr><th>Resource</th><th>Critical</th><th>High</th><th>Medium</th><th>Low</th><th>Info</th><th>Unknown</th><th>Accepted</th><th>Passed</th></tr></thead>
<tbody>
${summary}
</tbody>
</table>
<h2>Results</h2>
<div class="controls">
<input id="q" type="search" placeholder="filter text" aria-label="filter text">
<select id="status" aria-label="status"><option value="">any status</option><option value="fail">fail</option><option value="unknown">unknown</option><option value="accepted">accepted</option><option value="pass">pass</option></select>
<select id="severity" aria-label="severity"><option value="">any severity</option>${SEVERITY_COLUMNS.map((s) => `<option value="${s}">${s}</option>`).join('')}</select>
<span id="count"></span>
</div>
<table id="results">
<thead><tr><th data-sort>Resource</th><th data-sort>Status</th><th data-sort>Finding</th><th data-sort>Severity</th><th data-sort>Check</th><th>Details</th><th>Reference</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
