/* Suggestions as you type, for any <input data-suggest-url="/api/v1/suggest/">.
   Progressive enhancement: without this script the input is a plain search field of its form.
   The input becomes an ARIA 1.2 combobox with a listbox popup: arrow keys move through the
   options (aria-activedescendant, focus stays in the field), Enter opens the chosen option,
   Escape closes the list (a second Escape empties the field, as a search field does), a
   status region says how many suggestions there are.

   Options (data- attributes on the input):
     data-suggest-kinds  which lists to show, default "products goals forms articles"
     data-suggest-pick   "slug": choosing an option puts its slug in the field and fires
                         "change" and a "suggest:pick" event (detail: the item) instead of
                         following its link - for a picker such as the interaction checker's
     data-suggest-label, data-label-<kind>, data-label-count   translated texts */
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var DELAY_MS = 150;

  function setup(input) {
    if (input.dataset.suggestBound) { return; }
    input.dataset.suggestBound = "1";
    var endpoint = input.getAttribute("data-suggest-url");
    var kinds = (input.getAttribute("data-suggest-kinds") || "products goals forms articles").split(/\s+/);
    var pick = input.getAttribute("data-suggest-pick");
    var listId = (input.id || "suggest") + "-listbox";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(list, input.nextSibling);
    input.parentNode.insertBefore(status, list.nextSibling);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

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
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) { return; }
      close();
      if (pick === "slug") {
        input.value = item.slug;
        input.dispatchEvent(new Event("change", { bubbles: true }));
        input.dispatchEvent(new CustomEvent("suggest:pick", { bubbles: true, detail: item }));
        return;
      }
      window.location.assign(item.url);
    }

    function render(data) {
      list.textContent = "";
      items = [];
      options = [];
      kinds.forEach(function (kind) {
        (data[kind] || []).forEach(function (item) {
          var index = items.length;
          var option = document.createElement("li");
          option.id = listId + "-" + index;
          option.className = "suggest-option";
          option.setAttribute("role", "option");
          option.setAttribute("aria-selected", "false");
          var label = input.getAttribute("data-label-" + kind);
          if (label) {
            var tag = document.createElement("span");
            tag.className = "suggest-kind";
            tag.textContent = label + ": ";
            option.appendChild(tag);
          }
          option.appendChild(document.createTextNode(item.name || item.title));
          if (item.brand) {
            var meta = document.createElement("span");
            meta.className = "suggest-meta";
            meta.textContent = " · " + item.brand;
            option.appendChild(meta);
          }
          option.addEventListener("mousedown", function (event) {
            event.preventDefault(); // keep the focus in the field
            choose(index);
          });
          list.appendChild(option);
          items.push(item);
          options.push(option);
        });
      });
      active = -1;
      if (!items.length) {
        close();
        status.textContent = "";
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      var count = input.getAttribute("data-label-count") || "{count}";
      status.textContent = count.replace("{count}", String(items.length));
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH || !window.fetch) { close(); return; }
      var number = ++asked;
      var lang = document.documentElement.getAttribute("lang") || "nl";
      var url = endpoint + "?q=" + encodeURIComponent(text) + "&lang=" + encodeURIComponent(lang.slice(0, 2));
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (number !== asked) { return; } // an answer to an older text
          if (data) { render(data); } else { close(); }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { ask(); return; }
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active - 1 < 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault(); // the option, not the form
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", close);
  }

  function bindAll() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bindAll);
  } else {
    bindAll();
  }
})();
