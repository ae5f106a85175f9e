// Fields that hold content take the content's language and direction (see
// translation_workflow/admin_direction.py), so Arabic is typed right-to-left
// even when the admin interface is in English. This script's own tag says
// which language the content is in.
(function () {
    "use strict";
    var tag = document.querySelector("script[data-content-language]");
    if (!tag) {
        return;
    }
    var language = tag.dataset.contentLanguage;
    var direction = tag.dataset.direction;
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
