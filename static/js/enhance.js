/* Progressive enhancement only: every page works without this file.
 *
 * - Filter panels marked data-collapse-narrow start closed on phones (they are
 *   rendered open, so without JavaScript they are simply always open).
 * - Nothing submits on change: arrowing through a drop-down must not reload the
 *   page at every option (a keyboard trap, #14); the button or Enter submits.
 * - Empty fields are left out of GET submissions, so bookmarked URLs stay short.
 */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 56rem)");

  function syncPanels() {
    document.querySelectorAll("details[data-collapse-narrow]").forEach(function (panel) {
      if (wide.matches) {
        panel.open = true;
      } else if (panel.hasAttribute("data-can-collapse") && !panel.dataset.touched) {
        panel.open = false;
      }
    });
  }

  document.querySelectorAll("details[data-collapse-narrow]").forEach(function (panel) {
    panel.querySelector("summary").addEventListener("click", function (event) {
      if (wide.matches) {
        event.preventDefault(); // a sidebar on wide screens: always open
        return;
      }
      panel.dataset.touched = "1";
    });
  });
  syncPanels();
  if (wide.addEventListener) {
    wide.addEventListener("change", syncPanels);
  }

  function dropEmptyFields(form) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && !el.disabled && el.type !== "checkbox" && el.value === "") {
        el.disabled = true;
      }
    });
  }

  document.querySelectorAll("form[method=get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      dropEmptyFields(form);
    });
  });

  // Back/forward cache: re-enable fields disabled just before a submit.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[method=get] [disabled]").forEach(function (el) {
      el.disabled = false;
    });
  });
})();
