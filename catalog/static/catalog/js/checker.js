/* The interaction checker's product picker: progressive enhancement only. Without a script
   the form's own product field works (a list to tick, or a search that returns matches to
   tick); with one, a search box suggests products as you type (an ARIA 1.2 combobox with a
   listbox popup) and the chosen products stand below it as chips, each with a button that
   removes it. The chips carry the form's `product` values, so the form submits as before.

   Endpoint-agnostic: the picker element names the search URL in data-suggest-url (the
   products API now, a suggest endpoint later); the answer may be a list or {"results": [...]},
   of items with `slug` and `name` and optionally `brand` (a name or {"name": ...}) and
   `elemental_mg_per_day`. All texts come from data-* attributes (translated by the page). */
(function () {
  "use strict";
  var MIN_CHARS = 2;
  var DELAY_MS = 180;
  var counter = 0;
  var LANG = document.documentElement.lang || undefined;

  function text(root, key, values) {
    var value = root.dataset[key] || "";
    Object.keys(values || {}).forEach(function (name) {
      value = value.replace("{" + name + "}", values[name]);
    });
    return value;
  }

  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (content) { node.textContent = content; }
    return node;
  }

  function itemsOf(body) {
    var list = Array.isArray(body) ? body : (body && body.results) || [];
    return list.filter(function (item) { return item && item.slug && item.name; }).map(function (item) {
      var brand = item.brand && typeof item.brand === "object" ? item.brand.name : item.brand;
      var mg = item.elemental_mg_per_day;
      return {
        slug: String(item.slug),
        name: String(item.name),
        detail: [brand, typeof mg === "number" ? mg.toLocaleString(LANG) + " mg" : ""].filter(Boolean).join(" · ")
      };
    });
  }

  function Picker(root) {
    this.root = root;
    this.url = root.dataset.suggestUrl;
    this.max = parseInt(root.dataset.max || "10", 10);
    this.form = root.closest("form");
    this.active = -1;
    this.items = [];
    this.timer = null;
    this.request = 0;
    this.build();
  }

  Picker.prototype.build = function () {
    var root = this.root;
    var id = "picker-" + (++counter);
    var ui = el("div", { "class": "picker", "data-picker-ui": "" });
    var label = el("label", { "for": id + "-q" }, text(root, "label"));
    this.input = el("input", {
      id: id + "-q", type: "text", role: "combobox", autocomplete: "off",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": id + "-list",
      "aria-describedby": id + "-hint", enterkeyhint: "search", spellcheck: "false"
    });
    var hint = el("p", { id: id + "-hint", "class": "helptext" }, text(root, "hint"));
    this.listbox = el("ul", { id: id + "-list", role: "listbox", "class": "picker-options", "aria-label": text(root, "label") });
    this.listbox.hidden = true;
    this.chosen = el("ul", { "class": "chosen-products", "data-chosen": "", "aria-label": text(root, "chosenLabel") });
    this.status = el("p", { "class": "visually-hidden", role: "status" });
    var combo = el("div", { "class": "picker-combo" });
    combo.appendChild(this.input);
    combo.appendChild(this.listbox);
    ui.appendChild(label);
    ui.appendChild(combo);
    ui.appendChild(hint);
    ui.appendChild(this.chosen);
    ui.appendChild(this.status);

    // A multi-select of every product (the page without a server-side search): its choices
    // become chips and the list itself leaves the form.
    var select = root.querySelector("select[name=product]");
    if (select) {
      Array.prototype.forEach.call(select.selectedOptions, function (option) {
        this.addChip({ slug: option.value, name: option.textContent.trim() });
      }, this);
      select.disabled = true;
      Array.prototype.forEach.call(root.children, function (child) { child.hidden = true; });
    }
    // The page's own search results (checkboxes, the chosen ones ticked): the ticked ones
    // become chips, the list leaves the form.
    var boxes = root.querySelectorAll("input[type=checkbox][name=product]");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) {
        var label = box.id ? root.querySelector("label[for='" + box.id + "']") : null;
        this.addChip({ slug: box.value, name: label ? label.textContent.trim() : box.value });
      }
      box.disabled = true;
    }, this);
    if (boxes.length) {
      Array.prototype.forEach.call(root.children, function (child) {
        if (child.querySelector("input[type=checkbox][name=product]")) { child.hidden = true; }
      });
    }
    // The page's own search for browsers without a script (marked data-picker-fallback)
    // gives way to the combobox.
    Array.prototype.forEach.call(root.querySelectorAll("[data-picker-fallback]"), function (node) {
      node.hidden = true;
    });
    root.insertBefore(ui, root.firstChild);
    this.bind();
  };

  Picker.prototype.count = function () {
    var boxes = this.root.querySelectorAll("input[name=product]:not([type=hidden]):not(:disabled):checked");
    return this.chosen.children.length + boxes.length;
  };

  Picker.prototype.has = function (slug) {
    return Array.prototype.some.call(this.root.querySelectorAll("input[name=product]"), function (input) {
      return input.value === slug && !input.disabled && (input.type === "hidden" || input.checked);
    });
  };

  Picker.prototype.addChip = function (item) {
    var chip = el("li", { "class": "chosen-product" });
    chip.appendChild(el("span", { "class": "chosen-name" }, item.name));
    chip.appendChild(el("input", { type: "hidden", name: "product", value: item.slug }));
    var remove = el("button", { type: "button", "class": "chip-remove", "aria-label": text(this.root, "remove") + ": " + item.name });
    remove.appendChild(el("span", { "aria-hidden": "true" }, "×"));
    remove.addEventListener("click", function () {
      var next = chip.nextElementSibling || chip.previousElementSibling;
      chip.remove();
      this.say(text(this.root, "removed", { name: item.name }));
      (next ? next.querySelector("button") : this.input).focus();
    }.bind(this));
    chip.appendChild(remove);
    this.chosen.appendChild(chip);
  };

  Picker.prototype.say = function (message) {
    this.status.textContent = message;
  };

  Picker.prototype.open = function (open) {
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) { this.setActive(-1); }
  };

  Picker.prototype.setActive = function (index) {
    var options = this.listbox.children;
    this.active = index;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0 && options[index]) {
      this.input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Picker.prototype.render = function (items) {
    var listbox = this.listbox;
    var base = this.input.id;
    this.items = items.filter(function (item) { return !this.has(item.slug); }, this);
    listbox.textContent = "";
    this.items.forEach(function (item, i) {
      var option = el("li", { id: base + "-opt-" + i, role: "option", "aria-selected": "false", "class": "picker-option" });
      option.appendChild(el("span", { "class": "option-name" }, item.name));
      if (item.detail) { option.appendChild(el("span", { "class": "option-detail" }, item.detail)); }
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { this.choose(i); }.bind(this));
      listbox.appendChild(option);
    }, this);
    if (!this.items.length) {
      listbox.appendChild(el("li", { "class": "picker-empty", role: "option", "aria-disabled": "true", "aria-selected": "false", id: base + "-none" }, text(this.root, "none")));
    }
    this.open(true);
    this.say(this.items.length ? text(this.root, "found", { count: String(this.items.length) }) : text(this.root, "none"));
  };

  Picker.prototype.search = function () {
    var q = this.input.value.trim();
    if (q.length < MIN_CHARS) { this.open(false); return; }
    var ticket = ++this.request;
    var url = this.url + (this.url.indexOf("?") >= 0 ? "&" : "?") + "q=" + encodeURIComponent(q);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (body) { if (ticket === this.request) { this.render(itemsOf(body)); } }.bind(this))
      .catch(function () { if (ticket === this.request) { this.open(false); } }.bind(this));
  };

  Picker.prototype.choose = function (index) {
    var item = this.items[index];
    if (!item) { return; }
    if (this.count() >= this.max) {
      this.say(text(this.root, "full"));
      this.open(false);
      return;
    }
    this.addChip(item);
    this.say(text(this.root, "added", { name: item.name }));
    this.input.value = "";
    this.open(false);
    this.input.focus();
  };

  Picker.prototype.bind = function () {
    var input = this.input;
    input.addEventListener("input", function () {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(this.search.bind(this), DELAY_MS);
    }.bind(this));
    input.addEventListener("keydown", function (event) {
      var open = !this.listbox.hidden;
      var n = this.items.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { this.search(); return; }
        if (n) { this.setActive((this.active + 1) % n); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open && n) { this.setActive(this.active <= 0 ? n - 1 : this.active - 1); }
      } else if (event.key === "Enter") {
        // Enter in the search box picks a product; it never submits the whole check.
        event.preventDefault();
        if (open && this.active >= 0) { this.choose(this.active); } else { this.search(); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); this.open(false); } else { input.value = ""; }
      }
    }.bind(this));
    input.addEventListener("blur", function () {
      window.setTimeout(function () { this.open(false); }.bind(this), 150);
    }.bind(this));
  };

  function start() {
    if (!window.fetch) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-product-picker][data-suggest-url]"), function (root) {
      if (!root.dataset.pickerBound) {
        root.dataset.pickerBound = "1";
        new Picker(root);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
