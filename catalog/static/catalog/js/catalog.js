/* The catalog pages' script. Progressive enhancement only: the pages work without it.
   Listing: ticking a filter updates the results without a full reload (the URL is kept
   shareable through history.pushState); the submit button stays for keyboard users.
   The language links follow the new URL, and the new result count is announced through a
   status region that stays in the page (a replaced live region would not be read out).
   The filters' disclosure is opened on wide screens and keeps its state across updates. */
(function () {
  "use strict";
  var SELECTOR = "[data-listing]";
  var DISCLOSURE = "[data-filters-disclosure]";
  // Where the filters stand beside the results (catalog.css shows them there without a
  // script, where the browser allows it); below this width they stay folded until asked for.
  var WIDE = "(min-width: 52.01rem)";

  function openFiltersWhenWide() {
    var disclosure = document.querySelector(DISCLOSURE);
    if (disclosure && window.matchMedia && window.matchMedia(WIDE).matches) {
      disclosure.open = true;
    }
  }

  function replaceListing(url, push) {
    var current = document.querySelector(SELECTOR);
    if (!current || !window.fetch || !window.DOMParser) {
      window.location.assign(url);
      return;
    }
    current.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector(SELECTOR);
        if (!fresh) { window.location.assign(url); return; }
        var focusedId = document.activeElement && document.activeElement.id;
        var disclosure = current.querySelector(DISCLOSURE);
        var freshDisclosure = fresh.querySelector(DISCLOSURE);
        if (disclosure && freshDisclosure && disclosure.open) { freshDisclosure.open = true; }
        current.replaceWith(fresh);
        var languages = document.querySelector(".lang-switch");
        var freshLanguages = doc.querySelector(".lang-switch");
        if (languages && freshLanguages) { languages.replaceWith(freshLanguages); }
        var status = document.querySelector("[data-listing-status]");
        var title = fresh.querySelector("#results-title");
        if (status && title) { status.textContent = title.textContent.trim(); }
        if (push) { window.history.pushState({ listing: true }, "", url); }
        document.title = doc.title;
        if (focusedId) {
          var again = document.getElementById(focusedId);
          if (again) { again.focus(); }
        }
        bind();
      })
      .catch(function () { window.location.assign(url); });
  }

  function formUrl(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim() !== "") { params.append(key, value); }
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function bind() {
    var form = document.querySelector("[data-filter-form]");
    if (!form || form.dataset.bound) { return; }
    form.dataset.bound = "1";
    form.addEventListener("change", function (event) {
      var type = event.target.type;
      if (type === "checkbox" || event.target.tagName === "SELECT") {
        replaceListing(formUrl(form), true);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      replaceListing(formUrl(form), true);
    });
    var listing = document.querySelector(SELECTOR);
    listing.addEventListener("click", function (event) {
      var link = event.target.closest("a.chip, .pagination a, .actions a");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
      event.preventDefault();
      replaceListing(link.href, true);
    });
  }

  window.addEventListener("popstate", function () {
    if (document.querySelector(SELECTOR)) { replaceListing(window.location.href, false); }
  });
  function start() {
    openFiltersWhenWide();
    bind();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
