// The statement change form in the admin (loaded from a file: the Content-Security-Policy allows no inline script).
// 1. Span editor: selecting words in the article text sets the two offsets, which stay the stored truth and can
//    still be typed (the highlight follows them).
// 2. Speaker role: after a change of speaker, the role list becomes the new speaker's roles, with the one
//    standing for the old role (same title, or held on the statement's date) selected.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  setUpSpanEditor();
  setUpSpeakerRoles();
});

function setUpSpanEditor() {
  const box = document.querySelector(".span-editor .statement-context");
  const startInput = document.getElementById("id_content_start");
  const endInput = document.getElementById("id_content_end");
  if (!box || !startInput || !endInput) return;
  const text = box.textContent;

  function offsetOf(node, offset) {
    const range = document.createRange();
    range.selectNodeContents(box);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function show(start, end) {
    const mark = document.createElement("mark");
    mark.className = "statement-span";
    mark.textContent = text.slice(start, end);
    box.replaceChildren(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
    const content = document.querySelector(".field-content .readonly");
    if (content) content.textContent = mark.textContent;
  }

  box.addEventListener("mouseup", () => {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (start >= end) return;
    startInput.value = start;
    endInput.value = end;
    selection.removeAllRanges();
    show(start, end);
  });

  for (const input of [startInput, endInput]) {
    input.addEventListener("input", () => {
      const start = Number(startInput.value), end = Number(endInput.value);
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length) {
        show(start, end);
      }
    });
  }
  const mark = box.querySelector("mark");
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
}

function setUpSpeakerRoles() {
  const roleSelect = document.getElementById("id_speaker_role");
  const speakerSelect = document.getElementById("id_speaker");
  if (!roleSelect || !speakerSelect || !roleSelect.dataset.rolesUrl || !window.django || !django.jQuery) return;
  const saidOn = document.getElementById("id_said_on");

  async function offerRolesOf(actorId) {
    const params = new URLSearchParams({ actor: actorId || "", role: roleSelect.value || "", on: saidOn ? saidOn.value : "" });
    const response = await fetch(`${roleSelect.dataset.rolesUrl}?${params}`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    const options = [new Option("---------", "")];
    for (const role of data.roles) options.push(new Option(role.text, role.id));
    roleSelect.replaceChildren(...options);
    roleSelect.value = data.selected === null ? "" : String(data.selected);
    roleSelect.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // The speaker is a select2 autocomplete, which reports changes through jQuery's events.
  let speaker = speakerSelect.value;
  django.jQuery(speakerSelect).on("change", () => {
    if (speakerSelect.value === speaker) return;
    speaker = speakerSelect.value;
    offerRolesOf(speaker);
  });
}
