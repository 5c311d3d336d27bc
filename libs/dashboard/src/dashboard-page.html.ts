/** The dashboard web page: plain HTML and JavaScript, reading the dashboard API and listening to its live stream. */
export const DASHBOARD_PAGE = String.raw`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mutasi — dasbor</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1b2430; background: #f4f6f8; }
  body { margin: 0; }
  header { background: #123a5c; color: #fff; padding: 12px 20px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0 12px 0 0; }
  header select, header input, header button { font-size: 14px; padding: 4px 8px; }
  main { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; padding: 16px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08); overflow: auto; }
  section h2 { font-size: 15px; margin: 0 0 8px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #e3e7eb; }
  .overdue { color: #b00020; font-weight: 600; }
  .muted { color: #6b7785; font-size: 12px; }
  #live { font-size: 12px; }
</style>
</head>
<body>
<header>
  <h1>Mutasi — dasbor</h1>
  <span id="signin"></span>
  <span id="who" class="muted"></span>
  <span id="live" class="muted">—</span>
</header>
<main>
  <section><h2>Pipeline: kasus terbuka per tahap dan rute</h2><div id="pipeline" class="muted">masuk dulu</div></section>
  <section><h2>Kotak masuk persetujuan (lewat tenggat di atas)</h2><div id="inbox"></div></section>
  <section><h2>Lama per tahap (hari): median dan p90</h2><div id="lead"></div></section>
  <section><h2>Keseimbangan beban kerja: kebutuhan, bezetting, celah, kasus berjalan</h2><div id="workload"></div></section>
  <section><h2>Evaluasi pascamutasi</h2><div id="evaluations"></div></section>
  <section><h2>Daftar kasus</h2><div id="cases"></div></section>
</main>
<script>
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem('mutasi-token');
const esc = (v) => String(v ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const table = (head, rows) => '<table><tr>' + head.map((h) => '<th>' + esc(h) + '</th>').join('') + '</tr>' + rows.map((r) => '<tr>' + r.map((c) => '<td>' + c + '</td>').join('') + '</tr>').join('') + '</table>';
async function api(path) {
  const res = await fetch(path, { headers: { authorization: 'Bearer ' + token } });
  if (!res.ok) throw new Error((await res.json()).detail || res.status);
  return res.json();
}
async function show(id, path, render) {
  try { $(id).innerHTML = render(await api(path)); } catch (e) { $(id).innerHTML = '<span class="muted">' + esc(e.message) + '</span>'; }
}
function refresh() {
  show('pipeline', '/api/dashboard/pipeline', (p) => table(['tahap', 'jumlah', 'per rute'], p.stages.map((s) => [esc(s.stage), s.total, s.byRoute.map((r) => esc(r.route) + ': ' + r.cases).join(', ')])));
  show('inbox', '/api/dashboard/inbox', (items) => items.length ? table(['tenggat', 'langkah', 'jabatan', 'kandidat'], items.map((i) => ['<span class="' + (i.overdue ? 'overdue' : '') + '">' + esc(i.deadline) + (i.escalations ? ' ⚠' + i.escalations : '') + '</span>', esc(i.title), esc(i.position), esc(i.candidate)])) : '<span class="muted">tidak ada yang menunggu Anda</span>');
  show('lead', '/api/dashboard/lead-times', (rows) => table(['tahap', 'selesai', 'median', 'p90'], rows.map((r) => [esc(r.stage), r.completed, r.medianDays, r.p90Days])));
  show('workload', '/api/dashboard/workload-balance', (rows) => table(['instansi', 'jabatan', 'kebutuhan', 'bezetting', 'celah', 'berjalan'], rows.map((r) => [esc(r.agencyId), esc(r.title), r.kebutuhan, r.bezetting, r.gap, r.casesUnderWay])));
  show('evaluations', '/api/dashboard/evaluations', (e) => '<p class="muted">' + e.summary.evaluations + ' evaluasi, lowongan terisi ' + Math.round((e.summary.vacancyClosedShare ?? 0) * 100) + '%, skor rata-rata ' + (e.summary.averageScore ?? 0).toFixed(1) + '</p>' + table(['kasus', 'bulan', 'SKP', 'lowongan', 'hasil'], e.items.slice(0, 20).map((i) => [esc(i.caseId.slice(0, 8)), i.periodMonths, esc(i.skpBefore) + ' → ' + esc(i.skpAfter), i.vacancyClosed ? 'terisi' : '—', esc(i.verdict)])));
  show('cases', '/api/dashboard/cases', (c) => table(['kasus', 'tahap', 'status', 'rute', 'jabatan', 'hari di tahap'], c.items.map((i) => [esc(i.caseId.slice(0, 8)), esc(i.stage), esc(i.status), esc(i.route), esc(i.position), i.daysInStage])));
}
let source = null;
function live() {
  if (source) source.close();
  source = new EventSource('/api/dashboard/stream?access_token=' + encodeURIComponent(token));
  let timer = null;
  source.addEventListener('case-changed', (m) => {
    const c = JSON.parse(m.data);
    $('live').textContent = 'langsung: ' + c.type.replace('mutasi.transfer.', '') + ' ' + c.caseId.slice(0, 8);
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  source.onerror = () => { $('live').textContent = 'koneksi langsung terputus, mencoba lagi…'; };
}
function start() {
  try { const p = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); $('who').textContent = p.name + ' — ' + p.roles.join(', ') + ' @ ' + p.agencyId; } catch { $('who').textContent = ''; }
  refresh();
  live();
}
async function signin() {
  const users = await fetch('/api/dev/users').then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (users) {
    $('signin').innerHTML = '<select id="user">' + users.filter((u) => !u.roles.includes('PNS')).map((u) => '<option value="' + esc(u.userId) + '">' + esc(u.userId) + '</option>').join('') + '</select> <button id="go">masuk (demo)</button>';
    $('go').onclick = async () => {
      const res = await fetch('/api/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: $('user').value }) });
      token = (await res.json()).token; sessionStorage.setItem('mutasi-token', token); start();
    };
  } else {
    $('signin').innerHTML = '<input id="tok" placeholder="tempel token (JWT)" size="40"> <button id="go">masuk</button>';
    $('go').onclick = () => { token = $('tok').value.trim(); sessionStorage.setItem('mutasi-token', token); start(); };
  }
  if (token) start();
}
signin();
</script>
</body>
</html>
`;
