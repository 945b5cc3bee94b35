/* Marking claims by selecting text on the article's admin page. Plain JS, no framework.
 *
 * Offsets sent to the server are Python str indices: Unicode code points, not the UTF-16
 * units JavaScript strings count in. An emoji outside the Basic Multilingual Plane is one
 * code point but two UTF-16 units, so every length is measured with Array.from(...).length.
 */
(function () {
  "use strict";

  function codePoints(text) {
    return Array.from(text).length;
  }

  function init() {
    var root = document.getElementById("article-body");
    if (!root) return;
    var body = JSON.parse(document.getElementById("body-text").textContent);
    var bodyPoints = Array.from(body);
    var claims = JSON.parse(document.getElementById("claims-data").textContent);
    var byId = {};
    claims.forEach(function (c) { byId[c.id] = c; });
    var form = document.getElementById("mark-form");
    var csrf = form ? form.querySelector("input[name=csrfmiddlewaretoken]").value : "";
    var selection = null; // {start, end} in code points
    var active = null;    // the claim whose panel is open

    // ---- offsets -------------------------------------------------------------------------

    // The body offset of a DOM boundary point (node, offset) inside #article-body.
    function bodyOffset(node, offset) {
      if (node === root) {
        var child = root.children[offset];
        return child ? Number(child.dataset.start) : body.length === 0 ? 0 : codePoints(body);
      }
      var el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      var para = el && el.closest(".body-para");
      if (!para || !root.contains(para)) return null;
      var range = document.createRange();
      range.setStart(para, 0);
      range.setEnd(node, offset);
      return Number(para.dataset.start) + codePoints(range.toString());
    }

    function readSelection() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
      var range = sel.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) {
        return null;
      }
      var start = bodyOffset(range.startContainer, range.startOffset);
      var end = bodyOffset(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return null;
      // Trim white space (a triple-click takes the paragraph break too).
      while (start < end && /\s/.test(bodyPoints[start])) start++;
      while (end > start && /\s/.test(bodyPoints[end - 1])) end--;
      if (end <= start) return null;
      return { start: start, end: end, text: bodyPoints.slice(start, end).join("") };
    }

    function onSelect() {
      var found = readSelection();
      if (!found) return;
      selection = found;
      if (form) {
        form.elements.start.value = found.start;
        form.elements.end.value = found.end;
        form.elements.quote.value = found.text;
        form.elements.quote.dataset.selected = found.text;
      }
      document.querySelectorAll(".reanchor-button").forEach(function (b) { b.disabled = false; });
      var respan = document.getElementById("claim-panel-respan");
      if (respan) respan.disabled = !active;
    }

    root.addEventListener("mouseup", function () { window.setTimeout(onSelect, 0); });
    root.addEventListener("keyup", function (e) { if (e.shiftKey) onSelect(); });
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (sel && sel.rangeCount && root.contains(sel.anchorNode)) onSelect();
    });

    // ---- the marking form ----------------------------------------------------------------

    if (form) {
      // Typing a quote by hand replaces the selection: the server finds the words.
      form.elements.quote.addEventListener("input", function () {
        if (form.elements.quote.value !== form.elements.quote.dataset.selected) {
          form.elements.start.value = "";
          form.elements.end.value = "";
        }
      });

      document.getElementById("add-figure").addEventListener("click", function () {
        var rows = form.querySelectorAll(".figure-row");
        var copy = rows[rows.length - 1].cloneNode(true);
        copy.querySelectorAll("input").forEach(function (i) { i.value = ""; });
        rows[rows.length - 1].after(copy);
        copy.querySelector("input").focus();
      });

      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var errors = document.getElementById("mark-errors");
        clearFieldErrors();
        errors.hidden = true;
        post(form.action, new FormData(form)).then(function (result) {
          if (result.ok && result.next) {
            // A warning to act on (one night or two): the claim's page offers the fixes.
            window.location.assign(result.next);
          } else if (result.ok) {
            window.location.hash = "claim-" + result.id;
            window.location.reload();
          } else {
            showFieldErrors(errors, result);
          }
        });
      });

      setupQuickActor();
    }

    function post(url, data) {
      return fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": csrf },
      }).then(function (response) {
        return response.json().catch(function () {
          return { ok: false, errors: ["The server answered " + response.status + "."] };
        });
      }, function () {
        return { ok: false, errors: ["The server could not be reached; nothing was saved."] };
      });
    }

    function showErrors(box, errors) {
      box.textContent = "";
      var list = document.createElement("ul");
      (errors || ["Not saved."]).forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message;
        list.appendChild(item);
      });
      box.appendChild(list);
      box.hidden = false;
    }

    function clearFieldErrors() {
      form.querySelectorAll(".mark-field-errors").forEach(function (list) { list.remove(); });
      form.querySelectorAll("[aria-invalid]").forEach(function (control) {
        control.removeAttribute("aria-invalid");
        control.removeAttribute("aria-describedby");
      });
    }

    // Each message beside the field it is about; the rest (and a refusal without fields) in
    // the box at the top. The page then scrolls to the first message and focuses its field.
    function showFieldErrors(box, result) {
      var fields = result.fields || { form: result.errors || ["Not saved."] };
      var first = null;
      Object.keys(fields).forEach(function (name) {
        var row = name === "form" ? null : form.querySelector('[data-field~="' + name + '"]');
        if (!row) {
          showErrors(box, fields[name]);
          first = first || box;
          return;
        }
        var list = document.createElement("ul");
        list.className = "errorlist mark-field-errors";
        list.id = "mark-error-" + name;
        fields[name].forEach(function (message) {
          var item = document.createElement("li");
          item.textContent = message;
          list.appendChild(item);
        });
        var control = row.querySelector('[name="' + name + '"]') || row.querySelector("input, textarea, select");
        row.insertBefore(list, row.querySelector("label, legend") ? row.children[1] : row.firstChild);
        if (control) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", list.id);
        }
        first = first || row;
      });
      if (!first) return;
      document.dispatchEvent(new CustomEvent("workspace:show", { detail: "mark-form" }));
      first.scrollIntoView({ block: "center" });
      var focusable = first === box ? box : first.querySelector("[aria-invalid]");
      if (focusable) focusable.focus({ preventScroll: true });
    }

    function setupQuickActor() {
      var name = document.getElementById("quick-actor-name");
      var status = document.getElementById("quick-actor-status");
      function add(target) {
        var data = new FormData();
        data.append("name", name.value);
        data.append("kind", document.getElementById("quick-actor-kind").value);
        post(name.dataset.url, data).then(function (result) {
          if (!result.ok) { status.textContent = (result.errors || []).join(" "); return; }
          var select = form.querySelector("[data-mark-field=" + target + "]");
          var option = new Option(result.text, result.id, true, true);
          select.appendChild(option);
          select.dispatchEvent(new Event("change", { bubbles: true }));
          if (window.django && window.django.jQuery) window.django.jQuery(select).trigger("change");
          status.textContent = (result.existing ? "Already known: " : "Created: ") + result.text;
          name.value = "";
        });
      }
      document.getElementById("quick-actor-add").addEventListener("click", function () { add("subjects"); });
      document.getElementById("quick-actor-claimant").addEventListener("click", function () { add("claimant"); });
    }

    // ---- highlights: open a claim, move its span -------------------------------------------

    function openClaim(mark) {
      var ids = [];
      for (var m = mark; m && m !== root; m = m.parentElement.closest("mark.claim-mark")) {
        ids.push(Number(m.dataset.claim));
        if (!m.parentElement) break;
      }
      var claim = byId[ids[0]];
      if (!claim) return;
      active = claim;
      document.querySelectorAll("mark.claim-mark.active").forEach(function (m) { m.classList.remove("active"); });
      document.querySelectorAll('mark.claim-mark[data-claim="' + claim.id + '"]').forEach(function (m) { m.classList.add("active"); });
      var panel = document.getElementById("claim-panel");
      panel.hidden = false;
      document.getElementById("claim-panel-id").textContent = "#" + claim.id + " (" + claim.status.replace("_", " ") + ")";
      document.getElementById("claim-panel-summary").textContent = claim.summary;
      var link = document.getElementById("claim-panel-link");
      link.href = claim.url;
      var others = ids.slice(1).map(function (id) { return "#" + id; });
      document.getElementById("claim-panel-others").textContent =
        others.length ? "Also under these words: " + others.join(", ") + " (click the outer highlight)." : "";
      document.getElementById("claim-panel-respan").disabled = !selection;
      link.focus();
    }

    root.addEventListener("click", function (e) {
      var mark = e.target.closest && e.target.closest("mark.claim-mark");
      var sel = window.getSelection();
      if (mark && (!sel || sel.isCollapsed)) openClaim(mark);
    });
    root.addEventListener("keydown", function (e) {
      if ((e.key === "Enter" || e.key === " ") && e.target.matches("mark.claim-mark")) {
        e.preventDefault();
        openClaim(e.target);
      }
    });

    function respan(claim, articleId) {
      if (!selection || !claim) return;
      var data = new FormData();
      data.append("start", selection.start);
      data.append("end", selection.end);
      data.append("version", claim.version);
      if (articleId) data.append("article", articleId);
      post(claim.span_url, data).then(function (result) {
        if (result.ok) {
          window.location.hash = "claim-" + claim.id;
          window.location.reload();
        } else {
          window.alert((result.errors || ["Not saved."]).join("\n"));
        }
      });
    }

    document.getElementById("claim-panel-respan").addEventListener("click", function () { respan(active); });
    document.querySelectorAll(".reanchor-button").forEach(function (button) {
      button.addEventListener("click", function () {
        respan(byId[Number(button.dataset.claim)], button.dataset.article);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
