(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.finding"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding-row"));
  var bar = byId("filters");
  if (!bar) { return; }
  var check = byId("f-check"), severity = byId("f-severity"), subject = byId("f-subject");
  var search = byId("f-search"), count = byId("f-count"), none = byId("none");
  var texts = sections.map(function (s) { return s.textContent.toLowerCase(); });

  function matches(i) {
    var d = sections[i].dataset, q = search.value.trim().toLowerCase();
    return (!check.value || d.check === check.value) &&
      (!severity.value || d.severity === severity.value) &&
      (!subject.value || d.subject === subject.value) &&
      (!q || texts[i].indexOf(q) >= 0);
  }
  function apply() {
    var shown = 0;
    sections.forEach(function (s, i) {
      var ok = matches(i);
      s.hidden = !ok;
      rows[i].hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + sections.length + " findings shown";
    none.hidden = shown > 0;
    return shown;
  }
  function reset() {
    check.value = severity.value = subject.value = search.value = "";
    return apply();
  }
  [check, severity, subject].forEach(function (e) { e.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  byId("f-reset").addEventListener("click", reset);
  // A link to a finding or claim the filters hide clears them first.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a") : null;
    if (!a) { return; }
    var href = a.getAttribute("href") || "";
    if (href.charAt(0) !== "#") { return; }
    var target = byId(href.slice(1));
    var section = target && target.closest("section.finding");
    if (section && section.hidden) { reset(); }
  }, true);
  bar.hidden = false;

  // ------------------------------------------------------------ #selftest
  // Opened as report.html#selftest, the page checks itself and writes
  // "PASS …"/"FAIL …" lines into <pre id="selftest-result" data-failures>.
  function selftest() {
    var lines = [], failures = 0;
    function ok(cond, what) {
      if (!cond) { failures += 1; }
      lines.push((cond ? "PASS " : "FAIL ") + what);
    }
    function inside(a, b) {
      return a.left >= b.left - 0.5 && a.right <= b.right + 0.5 &&
        a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    }
    function overlap(a, b) {
      return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    }
    reset();
    // Graphs: only with two claims or more; labels inside their box and
    // the picture, no two labels overlapping.
    var labels = 0, graphs = 0;
    sections.forEach(function (s) {
      var cards = s.querySelectorAll(".card").length;
      var svgs = s.querySelectorAll("svg");
      ok(svgs.length === (cards > 1 ? 1 : 0), s.id + ": " + svgs.length + " graph(s) for " + cards + " claim(s)");
      Array.prototype.forEach.call(svgs, function (svg) {
        graphs += 1;
        var frame = svg.getBoundingClientRect();
        var boxes = [];
        Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
          var box = g.querySelector("rect").getBoundingClientRect();
          Array.prototype.forEach.call(g.querySelectorAll("text"), function (t) {
            var r = t.getBoundingClientRect();
            labels += 1;
            if (!inside(r, box) || !inside(r, frame) || r.width <= 0) {
              ok(false, s.id + ": label cut: " + t.textContent);
            }
            boxes.push({ r: r, t: t.textContent });
          });
        });
        for (var a = 0; a < boxes.length; a += 1) {
          for (var b = a + 1; b < boxes.length; b += 1) {
            if (overlap(boxes[a].r, boxes[b].r)) {
              ok(false, s.id + ": labels overlap: " + boxes[a].t + " / " + boxes[b].t);
            }
          }
        }
        // Every document line of the graph links to a claim card of this finding.
        Array.prototype.forEach.call(svg.querySelectorAll("a"), function (link) {
          var t = byId((link.getAttribute("href") || "").slice(1));
          if (!t || !t.classList.contains("card") || t.closest("section") !== s) {
            ok(false, s.id + ": graph link " + link.getAttribute("href"));
          }
        });
      });
    });
    ok(true, graphs + " graphs, " + labels + " labels inside their boxes, none overlapping");
    // Links: every in-page link has a target; every claim card is linked.
    var linked = {};
    var broken = 0;
    Array.prototype.forEach.call(document.querySelectorAll("a[href^='#']"), function (a) {
      var id = a.getAttribute("href").slice(1);
      if (!byId(id)) { broken += 1; ok(false, "link without target: #" + id); }
      linked[id] = true;
    });
    ok(broken === 0, "every in-page link has a target");
    var cards = document.querySelectorAll(".card"), unlinked = 0;
    Array.prototype.forEach.call(cards, function (c) { if (!linked[c.id]) { unlinked += 1; } });
    ok(unlinked === 0, cards.length + " claim cards, each linked from the summary or a graph");
    // Filters: each option shows exactly the findings with that value.
    [[check, "check"], [severity, "severity"], [subject, "subject"]].forEach(function (pair) {
      var select = pair[0], key = pair[1], bad = 0;
      Array.prototype.forEach.call(select.options, function (o) {
        if (!o.value) { return; }
        reset();
        select.value = o.value;
        select.dispatchEvent(new Event("change"));
        var want = sections.filter(function (s) { return s.dataset[key] === o.value; }).length;
        var shown = sections.filter(function (s) { return !s.hidden; });
        var rowsShown = rows.filter(function (r) { return !r.hidden; }).length;
        if (want === 0 || shown.length !== want || rowsShown !== want ||
            shown.some(function (s) { return s.dataset[key] !== o.value; })) {
          bad += 1;
          ok(false, key + " filter " + o.value + ": " + shown.length + " shown, " + want + " wanted");
        }
      });
      ok(bad === 0, key + " filter: " + (select.options.length - 1) + " values");
    });
    // Search: a subject finds its finding; nonsense finds nothing.
    if (sections.length) {
      reset();
      var q = sections[0].dataset.subject.toLowerCase();
      search.value = q;
      search.dispatchEvent(new Event("input"));
      var found = sections.filter(function (s) { return !s.hidden; });
      ok(!sections[0].hidden && found.every(function (s) { return s.textContent.toLowerCase().indexOf(q) >= 0; }),
        "search '" + q + "': " + found.length + " findings");
      search.value = "zq-no-such-text-qz";
      search.dispatchEvent(new Event("input"));
      ok(sections.every(function (s) { return s.hidden; }) && !none.hidden, "search for nonsense: nothing, and says so");
      byId("f-reset").click();
      ok(sections.every(function (s) { return !s.hidden; }) && none.hidden, "Clear shows every finding");
    }
    // Every finding is reachable from its summary row, even while the
    // filters hide it.
    var unreachable = 0;
    sections.forEach(function (s, i) {
      search.value = "zq-no-such-text-qz";
      apply();
      rows[i].querySelector("a[href='#" + s.id + "']").click();
      if (s.hidden || s.getBoundingClientRect().height <= 0) { unreachable += 1; ok(false, s.id + " not reachable"); }
    });
    ok(unreachable === 0, sections.length + " findings reachable from the summary table");
    reset();
    var out = document.createElement("pre");
    out.id = "selftest-result";
    out.setAttribute("data-failures", String(failures));
    out.textContent = lines.join("\n");
    document.body.insertBefore(out, document.body.firstChild);
  }
  if (location.hash === "#selftest") { selftest(); }
}());
