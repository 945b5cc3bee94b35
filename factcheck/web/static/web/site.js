/* Progressive enhancement: a highlight opens its claim card in a dialog instead of navigating.
   Without this script every highlight is a plain link to the claim page. */
(function () {
  "use strict";
  var body = document.getElementById("article-body");
  var dialog = document.getElementById("claim-dialog");
  if (!body || !dialog || typeof dialog.showModal !== "function") return;

  var slot = dialog.querySelector("[data-dialog-body]");
  var opener = null;

  function cardsFor(ids) {
    return ids.map(function (id) { return document.getElementById("claim-card-" + id); })
      .filter(Boolean);
  }

  function open(link) {
    var cards = cardsFor((link.getAttribute("data-claims") || "").split(/\s+/).filter(Boolean));
    if (!cards.length) return false;
    slot.textContent = "";
    cards.forEach(function (card) {
      var copy = card.cloneNode(true);
      // Ids must stay unique on the page: the copies get their own.
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach(function (el) { el.id = "dialog-" + el.id; });
      var title = copy.querySelector(".claim-card-title");
      if (title) copy.setAttribute("aria-labelledby", title.id);
      slot.appendChild(copy);
    });
    opener = link;
    link.classList.add("is-active");
    dialog.setAttribute("aria-labelledby", slot.querySelector(".claim-card-title").id);
    dialog.showModal();
    var first = slot.querySelector("a, button");
    (first || dialog.querySelector("[data-dialog-close]")).focus();
    return true;
  }

  body.addEventListener("click", function (event) {
    var link = event.target.closest("a.hl");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    if (open(link)) event.preventDefault();
  });

  // Space opens a highlight too, as it would a button.
  body.addEventListener("keydown", function (event) {
    var link = event.target.closest && event.target.closest("a.hl");
    if (link && event.key === " ") {
      if (open(link)) event.preventDefault();
    }
  });

  dialog.querySelector("[data-dialog-close]").addEventListener("click", function () {
    dialog.close();
  });
  // A click on the backdrop (outside the inner box) closes the dialog.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", function () {
    if (opener) {
      opener.classList.remove("is-active");
      opener.focus();
      opener = null;
    }
  });
})();
