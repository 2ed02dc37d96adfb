// The profile form, a little nicer with JavaScript (everything works without it):
// the browser's timezone as the first guess, the goal title following its kind, and "add a row" buttons.
(function () {
  "use strict";

  var zone = document.querySelector("input[data-guess=browser]");
  if (zone) {
    try {
      var guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
      var known = document.querySelector("#timezones option[value='" + guess + "']");
      if (guess && known) { zone.value = guess; }
    } catch (e) { /* keep the server's guess */ }
  }

  // A goal's title follows its kind until the learner types their own.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.classList || !select.classList.contains("goal-kind")) { return; }
    var row = select.closest(".goal");
    var title = row && row.querySelector(".goal-title");
    if (!title) { return; }
    var titles = Array.prototype.map.call(select.options, function (o) { return o.dataset.title; });
    if (title.value === "" || titles.indexOf(title.value) !== -1) {
      title.value = select.options[select.selectedIndex].dataset.title || "";
    }
  });

  // "Add a slot" / "Add another goal": a copy of the row template with the next free number.
  Array.prototype.forEach.call(document.querySelectorAll("button.add-row"), function (button) {
    button.addEventListener("click", function () {
      var rows = document.getElementById(button.dataset.rows);
      var template = document.getElementById(button.dataset.template);
      var next = 0;
      Array.prototype.forEach.call(rows.querySelectorAll("[data-row]"), function (row) {
        next = Math.max(next, Number(row.dataset.row) + 1);
      });
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__i__/g, String(next));
      var row = holder.firstElementChild;
      rows.appendChild(row);
      var first = row.querySelector("input, select");
      if (first) { first.focus(); }
    });
  });
})();
