// The language switch: show Chinese, English or both. Everything else is static HTML.
(function () {
  "use strict";
  var root = document.documentElement;
  var buttons = document.querySelectorAll("[data-set-lang]");
  function show(lang) {
    root.setAttribute("data-lang", lang);
    root.setAttribute("lang", lang === "en" ? "en" : "zh-CN");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-set-lang") === lang));
    }
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (event) {
      show(event.currentTarget.getAttribute("data-set-lang"));
    });
  }
  show(root.getAttribute("data-lang") || "both");
})();
