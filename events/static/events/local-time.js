// Progressive enhancement: next to each event time (shown in the event's own
// time zone), add the same moment in the reader's time zone. Without this
// script the page is complete; it only adds a hint.
(function () {
    "use strict";
    var script = document.currentScript;
    var label = (script && script.dataset.label) || "Your time:";
    var lang = document.documentElement.lang || undefined;
    var readerZone;
    try {
        readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
        return;
    }
    // dateStyle/timeStyle cannot be combined with timeZoneName, hence the parts.
    var format = new Intl.DateTimeFormat(lang, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
    });
    document.querySelectorAll("time[data-local-time]").forEach(function (element) {
        var moment = new Date(element.getAttribute("datetime"));
        if (isNaN(moment.getTime())) {
            return;
        }
        var hint = document.createElement("span");
        hint.className = "local-time";
        hint.textContent = " (" + label + " " + format.format(moment) + ")";
        hint.title = readerZone;
        element.insertAdjacentElement("afterend", hint);
    });
})();
