// The upload status page: asks the status endpoint every 1.5 s and brings the table up to date until every
// article is processed (done, failed or a duplicate); a failed request is retried a little later.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const table = document.querySelector("table.upload-status");
  if (!table) return;
  const progress = document.querySelector(".upload-progress");

  function showStatus(cell, source) {
    const badge = document.createElement("span");
    badge.className = `badge status-${source.status}`;
    badge.textContent = source.status_display;
    const parts = [badge];
    if (source.error) {
      const error = document.createElement("span");
      error.className = "error-text";
      error.textContent = source.error;
      parts.push(document.createTextNode(" "), error);
    }
    cell.replaceChildren(...parts);
    cell.className = `status status-${source.status}`;
  }

  async function refresh() {
    let data;
    try {
      const response = await fetch(table.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`status ${response.status}`);
      data = await response.json();
    } catch (error) {
      setTimeout(refresh, 3000);
      return;
    }
    for (const source of data.sources) {
      const row = table.querySelector(`tr[data-source="${source.id}"]`);
      if (!row) continue;
      row.querySelector("a").textContent = source.title;
      showStatus(row.querySelector(".status"), source);
      row.querySelector(".count").textContent = source.statements;
    }
    if (progress) progress.textContent = data.finished ? "All processed." : "Processing: this page updates by itself.";
    if (!data.finished) setTimeout(refresh, 1500);
  }

  if (table.querySelector("tbody tr")) refresh();
});
