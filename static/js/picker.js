/* The person picker (#14): a text field that suggests people as you type.
 *
 * Progressive enhancement over `PersonPickerWidget` (articles/filter_fields.py):
 * without this file the field is a search (a name that fits one person picks
 * them). With it, the field is an ARIA 1.2 combobox: suggestions come from
 * `data-suggest-url` (`/people/suggest.json?q=…`); Up/Down move, Enter or a
 * click picks (a ticked box joins the chosen people), Escape closes. Enter with
 * no suggestion highlighted submits the form as usual. Nothing submits by itself.
 */
(function () {
  "use strict";

  var DELAY = 150;
  var counter = 0;

  function setup(input) {
    var picker = input.closest(".picker");
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var timer = null;
    var request = 0;
    var active = -1;
    var options = [];

    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "People matching what you typed");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.after(list);
    list.after(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function chosen(slug) {
      return picker.querySelector('input[type=checkbox][value="' + CSS.escape(slug) + '"]');
    }

    function pick(option) {
      var slug = option.dataset.slug;
      var name = option.dataset.name;
      var box = chosen(slug);
      if (!box) {
        var label = document.createElement("label");
        label.className = "pick";
        box = document.createElement("input");
        box.type = "checkbox";
        box.name = input.name;
        box.value = slug;
        label.append(box, " " + name);
        picker.insertBefore(label, picker.querySelector(".picker__add"));
      }
      box.checked = true;
      input.value = "";
      close();
      status.textContent = name + " added. Apply the filters to see the list.";
      input.focus();
    }

    function render(results) {
      list.textContent = "";
      options = results.map(function (person) {
        var option = document.createElement("li");
        var count = document.createElement("span");
        counter += 1;
        option.id = listId + "-" + counter;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.slug = person.slug;
        option.dataset.name = person.name;
        count.className = "suggestions__count";
        count.textContent = person.articles + (person.articles === 1 ? " article" : " articles");
        option.append(person.name + " ", count);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the field
          pick(option);
        });
        list.append(option);
        return option;
      });
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = options.length + (options.length === 1 ? " suggestion" : " suggestions");
      } else {
        close();
        status.textContent = "No one matches";
      }
      active = -1;
    }

    function suggest() {
      var text = input.value.trim();
      var mine = ++request;
      if (text.length < 2) {
        close();
        return;
      }
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === request) {
            render(data.results || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (open) {
          highlight((active + 1) % options.length);
        } else {
          suggest();
        }
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault(); // pick, do not submit
        pick(options[active]);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", function () {
      setTimeout(close, 100);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setup);
})();
