/* The suggestions panel: clicking or focusing a suggestion outlines its words in the article
 * text and scrolls them into view. Optional: the panel's buttons are plain forms.
 *
 * Offsets are Python str indices (code points), as in marking.js.
 */
(function () {
  "use strict";

  function init() {
    var root = document.getElementById("article-body");
    var panel = document.getElementById("suggestions-panel");
    if (!root || !panel) return;
    var canHighlight = typeof Highlight === "function" && window.CSS && CSS.highlights;

    // The DOM boundary point at a body offset inside one paragraph's text nodes.
    function point(para, offset) {
      var left = offset - Number(para.dataset.start);
      var walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      var last = null;
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var chars = Array.from(node.data);
        if (left <= chars.length) return [node, chars.slice(0, left).join("").length];
        left -= chars.length;
        last = node;
      }
      return last ? [last, last.data.length] : [para, 0];
    }

    function paragraphAt(offset, isEnd) {
      var paras = root.querySelectorAll(".body-para");
      for (var i = 0; i < paras.length; i++) {
        var s = Number(paras[i].dataset.start), e = Number(paras[i].dataset.end);
        if (isEnd ? offset > s && offset <= e : offset >= s && offset < e) return paras[i];
      }
      return null;
    }

    function show(item) {
      panel.querySelectorAll(".suggestion.active").forEach(function (el) { el.classList.remove("active"); });
      item.classList.add("active");
      var start = Number(item.dataset.start), end = Number(item.dataset.end);
      var first = paragraphAt(start, false), last = paragraphAt(end, true);
      if (!first || !last) return;
      var range = document.createRange();
      var a = point(first, start), b = point(last, end);
      range.setStart(a[0], a[1]);
      range.setEnd(b[0], b[1]);
      if (canHighlight) CSS.highlights.set("suggestion", new Highlight(range));
      root.querySelectorAll(".body-para.suggestion-para").forEach(function (p) { p.classList.remove("suggestion-para"); });
      first.classList.add("suggestion-para");
      var box = range.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: "smooth" });
      }
    }

    panel.addEventListener("click", function (e) {
      if (e.target.closest("form")) return; // the buttons do their own work
      var item = e.target.closest(".suggestion");
      if (item) show(item);
    });
    panel.addEventListener("focusin", function (e) {
      var item = e.target.closest(".suggestion");
      if (item) show(item);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
