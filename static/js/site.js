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
