// The report's only script (allowed by its hash): sort and filter the incident table, scroll to and flash
// the sentence a fact cites, and show which facts a highlight supports. It reads the page, never the data
// as code: no innerHTML, no eval, no URLs built from text.
(function () {
  "use strict";
  var CITE = /^a\d+c\d+$/;

  function targets(id) {
    if (CITE.test(id)) {
      return document.querySelectorAll('mark[data-cites~="' + id + '"], blockquote[data-quote="' + id + '"]');
    }
    var el = document.getElementById(id);
    return el ? [el] : [];
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation on a second click
    el.classList.add("flash");
    window.setTimeout(function () { el.classList.remove("flash"); }, 1900);
  }

  function show(id) {
    var found = targets(id);
    if (!found.length) { return; }
    found[0].scrollIntoView({ block: "center" });
    if (CITE.test(id)) { Array.prototype.forEach.call(found, flash); }
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest("[data-target]") : null;
    if (!el) { return; }
    event.preventDefault();
    show(el.getAttribute("data-target"));
  });

  function linked(mark, on) {
    (mark.getAttribute("data-cites") || "").split(" ").forEach(function (id) {
      if (!CITE.test(id)) { return; }
      document.querySelectorAll('[data-target="' + id + '"]').forEach(function (el) {
        el.classList.toggle("linked", on);
      });
    });
  }
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest ? event.target.closest("mark[data-cites]") : null;
    if (mark) { linked(mark, true); }
  });
  document.addEventListener("mouseout", function (event) {
    var mark = event.target.closest ? event.target.closest("mark[data-cites]") : null;
    if (mark) { linked(mark, false); }
  });

  var table = document.getElementById("incident-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filters = document.querySelectorAll("select[data-filter]");
  var shown = document.getElementById("shown");

  function applyFilters() {
    var visible = 0;
    rows.forEach(function (row) {
      var keep = true;
      filters.forEach(function (select) {
        if (select.value && row.getAttribute("data-" + select.getAttribute("data-filter")) !== select.value) {
          keep = false;
        }
      });
      row.classList.toggle("hidden", !keep);
      if (keep) { visible += 1; }
    });
    shown.textContent = visible + " of " + rows.length + " rows shown";
  }
  filters.forEach(function (select) { select.addEventListener("change", applyFilters); });
  applyFilters();

  function key(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell) { return numeric ? -Infinity : ""; }
    var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    if (numeric) { return value === "" ? -Infinity : Number(value); }
    return value.toLowerCase();
  }
  function sortBy(th, column) {
    var numeric = th.getAttribute("data-type") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    th.addEventListener("click", function () { sortBy(th, column); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(th, column); }
    });
  });
}());
