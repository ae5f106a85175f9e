// The phone menu: the navigation and the language switcher fold behind a
// button. Loaded in <head> without `defer` so that the "js" class is set
// before the header is drawn (no flash of the open menu); without JavaScript
// the menu simply stays open.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    function setUp() {
        var header = document.querySelector(".site-header");
        var button = header && header.querySelector(".site-header__menu-button");
        if (!button) {
            return;
        }
        function setOpen(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            header.classList.toggle("is-open", open);
        }
        button.addEventListener("click", function () {
            setOpen(button.getAttribute("aria-expanded") !== "true");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                setOpen(false);
                button.focus();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
