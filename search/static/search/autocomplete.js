// Accessible autocomplete for the search boxes, the header's and the search
// page's (ARIA 1.2 combobox with a listbox). Progressive enhancement: without
// it the forms still submit.
(function () {
    "use strict";
    if (window.siteSearchAutocomplete) {
        return; // loaded once per page, whichever template included it
    }
    window.siteSearchAutocomplete = true;
    Array.prototype.forEach.call(document.querySelectorAll(".autocomplete"), enhance);

    function enhance(root) {
        var input = root.querySelector("input[role=combobox]");
        var list = root.querySelector("[role=listbox]");
        var url = root.dataset.autocompleteUrl;
        var active = -1;
        var timer;
        var controller;

        function options() {
            return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var items = options();
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0 && items[index]) {
                input.setAttribute("aria-activedescendant", items[index].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(results) {
            list.textContent = "";
            results.forEach(function (result, i) {
                var item = document.createElement("li");
                item.id = list.id + "-" + i;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.dataset.url = result.url;
                item.textContent = result.title;
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.href = result.url;
                });
                list.appendChild(item);
            });
            var open = results.length > 0;
            list.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            active = -1;
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            var value = input.value.trim();
            if (value.length < 2) {
                close();
                return;
            }
            timer = setTimeout(function () {
                if (controller) {
                    controller.abort();
                }
                controller = new AbortController();
                fetch(url + "?q=" + encodeURIComponent(value), { signal: controller.signal, headers: { Accept: "application/json" } })
                    .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                    .then(function (data) { render(data.results || []); })
                    .catch(function () { /* offline or aborted: the form still works */ });
            }, 150);
        });

        input.addEventListener("keydown", function (event) {
            var items = options();
            if (list.hidden || !items.length) {
                return;
            }
            if (event.key === "ArrowDown") {
                event.preventDefault();
                highlight((active + 1) % items.length);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = items[active].dataset.url;
            } else if (event.key === "Escape") {
                close();
            }
        });

        input.addEventListener("blur", function () {
            setTimeout(close, 100);
        });
    }
})();
