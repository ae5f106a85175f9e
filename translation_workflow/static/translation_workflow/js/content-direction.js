// Fields that hold content take the content's language and direction (see
// home/admin_direction.py), so Arabic is typed right-to-left even when the
// admin interface is in English.
(function () {
    "use strict";
    var meta = document.querySelector('meta[name="content-language"]');
    if (!meta) {
        return;
    }
    var language = meta.getAttribute("content");
    var direction = meta.dataset.direction;
    var FIELDS = [
        'main input[type="text"]:not([name="slug"])',
        "main textarea",
        'main [contenteditable="true"]',
        ".js-translation-editor li > div p",
        ".js-translation-editor textarea",
        '.js-translation-editor input[type="text"]',
    ].join(",");

    function apply(root) {
        if (!root.querySelectorAll) {
            return;
        }
        var found = root.matches && root.matches(FIELDS) ? [root] : [];
        found = found.concat(Array.prototype.slice.call(root.querySelectorAll(FIELDS)));
        found.forEach(function (element) {
            if (element.closest(".w-sidebar, [data-side-panel], .w-header, .js-search")) {
                return;
            }
            element.setAttribute("dir", direction);
            element.setAttribute("lang", language);
        });
    }

    apply(document);
    // The rich text editor and wagtail-localize's editor render after load.
    new MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
            mutation.addedNodes.forEach(apply);
        });
    }).observe(document.body, { childList: true, subtree: true });
})();
