// lawreport view: the page's behaviour. The page reads without it; this adds
// the indicator filter, the CSV download (built here from the embedded
// data: the same rows `lawreport extract --format csv` writes), and the
// details of a figure when it is hovered or focused. Nothing is fetched.
(function () {
  'use strict';
  var dataBlock = document.getElementById('lawreport-data');
  var data = dataBlock ? JSON.parse(dataBlock.textContent) : { indicators: [] };
  var byId = Object.create(null);
  data.indicators.forEach(function (d) { byId[d.id] = d; });

  function csvField(field) {
    return /[",\r\n]/.test(field) ? '"' + field.replace(/"/g, '""') + '"' : field;
  }
  function csvOf(ids) {
    var out = data.csv_header || '';
    ids.forEach(function (id) {
      var d = byId[id];
      if (d) out += d.csv.map(csvField).join(',') + '\r\n';
    });
    return out;
  }

  var table = document.querySelector('.indicator-table tbody');
  var rows = table ? Array.prototype.slice.call(table.rows) : [];
  function visibleIds() {
    return rows.filter(function (row) { return !row.hidden; })
      .map(function (row) { return row.getAttribute('data-id'); });
  }
  // The CSV of the rows the filter shows (the download's content).
  window.lawreportCsv = function () { return csvOf(visibleIds()); };

  var tools = document.querySelector('.indicators .tools');
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-filter').toLowerCase();
      var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !keep;
      if (keep) count += 1;
    });
    shown.textContent = count + ' / ' + rows.length + ' shown';
  }
  if (tools && filter) {
    tools.hidden = false;
    filter.addEventListener('input', applyFilter);
    shown.textContent = rows.length + ' / ' + rows.length + ' shown';
    document.getElementById('download').addEventListener('click', function () {
      var blob = new Blob([window.lawreportCsv()], { type: 'text/csv;charset=utf-8' });
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'indicators.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    });
  }

  // The details of the figure under the pointer or the keyboard focus.
  var info = document.getElementById('figure-info');
  function describe(mark) {
    var ids = (mark.getAttribute('data-ids') || '').split(' ');
    info.textContent = '';
    ids.forEach(function (id) {
      var d = byId[id];
      if (!d) return;
      var block = document.createElement('div');
      var head = document.createElement('strong');
      head.textContent = d.id + ' ' + (d.label || '(no label)') + ' = ' + d.value;
      block.appendChild(head);
      var facts = [
        ['qualifier', d.qualifier], ['direction', d.direction], ['kind', d.kind],
        ['role', d.role], ['period', d.period], ['aggregate', d.aggregate],
        ['canonical', d.canonical], ['rule', d.rule], ['line', String(d.line)]
      ];
      var list = document.createElement('dl');
      facts.forEach(function (f) {
        if (!f[1]) return;
        var dt = document.createElement('dt');
        dt.textContent = f[0];
        var dd = document.createElement('dd');
        dd.textContent = f[1];
        list.appendChild(dt);
        list.appendChild(dd);
      });
      block.appendChild(list);
      info.appendChild(block);
    });
    info.hidden = false;
  }
  function markOf(event) {
    var t = event.target;
    return t && t.closest ? t.closest('mark.fig') : null;
  }
  var text = document.getElementById('text');
  if (text && info) {
    text.addEventListener('mouseover', function (e) { var m = markOf(e); if (m) describe(m); });
    text.addEventListener('focusin', function (e) { var m = markOf(e); if (m) describe(m); });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') info.hidden = true;
    });
  }

  // "rendered": the first frame after the script has run has been laid out
  // and painted (the callback of the frame, then the task after it).
  requestAnimationFrame(function () {
    setTimeout(function () {
      document.documentElement.setAttribute('data-rendered', String(performance.now()));
    }, 0);
  });
})();
