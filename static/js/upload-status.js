// Refreshes the upload status table until every article is processed.
(function () {
  const table = document.querySelector("table.upload-status");
  if (!table) return;
  const finished = new Set(["done", "failed", "duplicate"]);
  async function refresh() {
    const response = await fetch(table.dataset.statusUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) return setTimeout(refresh, 3000);
    const data = await response.json();
    let pending = 0;
    for (const source of data.sources) {
      const row = table.querySelector(`tr[data-source="${source.id}"]`);
      if (!row) continue;
      row.querySelector("a").textContent = source.title;
      const cell = row.querySelector(".status");
      cell.textContent = source.status_display + (source.error ? ": " + source.error : "");
      cell.className = "status status-" + source.status;
      row.querySelector(".count").textContent = source.statements;
      if (!finished.has(source.status)) pending += 1;
    }
    if (pending) setTimeout(refresh, 1500);
  }
  refresh();
})();
