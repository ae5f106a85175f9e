// Progressive enhancement: next to each event time (shown in the event's own
// time zone), add the same moment in the reader's time zone. Without this
// script the page is complete; it only adds a hint.
//
// The date and time are written as the page writes them: Intl's long date
// and short time match the server's formats (cms/formats), and the server
// gives the pattern that joins them (data-pattern, translated), so that the
// two read alike in every language, commas included.
(function () {
    "use strict";
    var script = document.currentScript;
    var label = (script && script.dataset.label) || "Your time:";
    var pattern = (script && script.dataset.pattern) || "%(date)s, %(time)s %(zone)s";
    var lang = document.documentElement.lang || undefined;
    var readerZone;
    var dateFormat;
    var timeFormat;
    var zoneFormat;
    try {
        readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        // Latin digits, as on the rest of the page.
        var locale = lang ? lang + "-u-nu-latn" : undefined;
        dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
        timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: "short" });
        zoneFormat = new Intl.DateTimeFormat(locale, { timeZoneName: "short" });
    } catch (error) {
        return;
    }

    function zoneName(moment) {
        var part = zoneFormat.formatToParts(moment).find(function (item) {
            return item.type === "timeZoneName";
        });
        return part ? part.value : readerZone;
    }

    document.querySelectorAll("time[data-local-time]").forEach(function (element) {
        var moment = new Date(element.getAttribute("datetime"));
        if (isNaN(moment.getTime())) {
            return;
        }
        var text = pattern
            .replace("%(date)s", dateFormat.format(moment))
            .replace("%(time)s", timeFormat.format(moment))
            .replace("%(zone)s", zoneName(moment));
        var hint = document.createElement("span");
        hint.className = "local-time";
        hint.textContent = " (" + label + " " + text + ")";
        hint.title = readerZone;
        element.insertAdjacentElement("afterend", hint);
    });
})();
