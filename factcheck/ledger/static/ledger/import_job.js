// Follows an import job: polls its progress JSON and updates the counts and item lines.
(function () {
  "use strict";
  const root = document.querySelector(".ledger-import-job");
  if (!root || root.dataset.finished === "true") return;
  const url = root.dataset.progressUrl;
  const list = root.querySelector(".job-items");

  function set(selector, value) {
    const node = root.querySelector(selector);
    if (node) node.textContent = String(value);
  }

  function itemNode(item) {
    let node = list.querySelector('li[data-position="' + item.position + '"]');
    if (!node) {
      node = document.createElement("li");
      node.dataset.position = String(item.position);
      list.appendChild(node);
    }
    return node;
  }

  function render(data) {
    set(".job-status", data.status);
    set(".job-done", data.done);
    set(".job-total", data.total);
    set(".job-imported", data.imported);
    set(".job-unchanged", data.unchanged);
    set(".job-rejected", data.rejected);
    const bar = root.querySelector(".job-bar");
    if (bar) {
      bar.max = Math.max(data.total, 1);
      bar.value = data.done;
    }
    for (const item of data.items) {
      const node = itemNode(item);
      node.className = "import-" + item.status;
      node.replaceChildren();
      const line = document.createElement("span");
      line.className = "job-line";
      line.textContent = item.line || "pending " + item.target;  // text, never markup
      node.appendChild(line);
      if (item.article) {
        node.appendChild(document.createTextNode(" — "));
        const link = document.createElement("a");
        link.href = item.article;
        link.textContent = "open";
        node.appendChild(link);
      }
    }
    return data.finished;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        if (!render(data)) window.setTimeout(poll, 1000);
      })
      .catch(() => window.setTimeout(poll, 5000));
  }

  window.setTimeout(poll, 500);
})();
