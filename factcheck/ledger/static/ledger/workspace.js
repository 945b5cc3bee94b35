/* The article page's side panel as tabs: mark a claim, suggestions, the claims on this article.
 * Without JavaScript the three sections stack and the tab links jump to them. */
(function () {
  "use strict";

  function init() {
    var side = document.getElementById("workspace-side");
    if (!side) return;
    var tabs = Array.prototype.slice.call(side.querySelectorAll(".workspace-tab"));
    var panels = tabs.map(function (tab) { return document.getElementById(tab.dataset.panel); });
    if (!tabs.length || panels.indexOf(null) >= 0) return;
    side.classList.add("tabbed");
    panels.forEach(function (panel) { panel.classList.add("workspace-panel"); });

    function show(id, focus) {
      tabs.forEach(function (tab, n) {
        var on = tab.dataset.panel === id;
        tab.classList.toggle("active", on);
        if (on) tab.setAttribute("aria-current", "true");
        else tab.removeAttribute("aria-current");
        panels[n].classList.toggle("active", on);
      });
      side.scrollTop = 0;
      try { window.sessionStorage.setItem("workspace-tab", id); } catch (e) { /* private mode */ }
      if (focus) {
        var panel = document.getElementById(id);
        var heading = panel.querySelector("h3");
        if (heading) { heading.tabIndex = -1; heading.focus(); }
      }
    }

    tabs.forEach(function (tab) {
      tab.addEventListener("click", function (e) {
        e.preventDefault();
        show(tab.dataset.panel, true);
      });
    });
    document.addEventListener("workspace:show", function (e) { show(e.detail, false); });
    // Clicking a suggestion or a claim in the text keeps its panel in view.
    var start = tabs[0].dataset.panel;
    var hash = window.location.hash;
    if (/^#suggestion/.test(hash)) start = "suggestions-panel";
    else if (/^#claim-\d+$/.test(hash)) start = "claim-list";
    else {
      try {
        var kept = window.sessionStorage.getItem("workspace-tab");
        if (kept && document.getElementById(kept)) start = kept;
      } catch (e) { /* private mode */ }
    }
    show(start, false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
