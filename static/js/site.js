// Progressive enhancement only: every page works without JavaScript.
// Filter forms marked data-autosubmit apply a select or date change at once, and send no empty parameters
// so shared URLs stay short.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-autosubmit], form.filters")) {
    form.addEventListener("submit", () => {
      for (const el of form.elements) {
        if (el.name && !el.value) el.disabled = true;
      }
    });
    if (form.hasAttribute("data-autosubmit")) {
      form.addEventListener("change", (event) => {
        if (event.target.matches("select, input[type=date]")) form.requestSubmit();
      });
    }
  }
});

// Filters folded in <details class="filters-fold"> are open in the page (so they work without JavaScript) and
// closed here on phone widths, so that the statements come first; an open fold stays open on wider screens.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.matchMedia("(max-width: 52rem)").matches) return;
  for (const fold of document.querySelectorAll("details.filters-fold")) fold.open = false;
});
