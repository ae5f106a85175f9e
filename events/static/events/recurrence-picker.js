// The recurrence picker (events/widgets.py): controls that write an RFC 5545
// rule into the event's `recurrence` field, and a preview of the rule in
// words with its next five dates, asked of the server (which expands rules in
// the event's own time zone exactly as the site does). Without JavaScript the
// field is a plain text box, as before.
(function () {
    "use strict";

    var FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];

    function parseRule(text) {
        var parts = {};
        text = (text || "").trim().replace(/^RRULE:/i, "");
        if (!text) {
            return parts;
        }
        text.split(";").forEach(function (item) {
            var pair = item.split("=");
            if (pair[0]) {
                parts[pair[0].trim().toUpperCase()] = (pair[1] || "").trim().toUpperCase();
            }
        });
        return parts;
    }

    function setUp(picker) {
        var input = picker.querySelector("[data-rule-input]");
        var controls = picker.querySelector("[data-controls]");
        var details = picker.querySelector("[data-rule]");
        var summary = picker.querySelector("[data-summary]");
        var datesHeading = picker.querySelector("[data-dates-heading]");
        var dates = picker.querySelector("[data-dates]");
        var form = input.form;
        var part = function (name) {
            return picker.querySelector('[data-part="' + name + '"]');
        };
        var checked = function (name) {
            var found = picker.querySelector('[data-part="' + name + '"]:checked');
            return found ? found.value : "";
        };
        var setChecked = function (name, value) {
            picker.querySelectorAll('[data-part="' + name + '"]').forEach(function (element) {
                element.checked = element.value === value;
            });
        };

        function showFor(freq) {
            picker.querySelectorAll("[data-for]").forEach(function (element) {
                element.hidden = element.dataset.for.split(" ").indexOf(freq) === -1;
            });
        }

        // Put an existing rule into the controls; false if they cannot show it.
        function load(text) {
            var parts = parseRule(text);
            var known = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"];
            if (!text.trim()) {
                part("freq").value = "";
                return true;
            }
            var simple =
                FREQUENCIES.indexOf(parts.FREQ) !== -1 &&
                Object.keys(parts).every(function (name) {
                    return known.indexOf(name) !== -1;
                }) &&
                !(parts.BYMONTH && parts.BYMONTH.indexOf(",") !== -1) &&
                !(parts.BYMONTHDAY && parts.BYMONTHDAY.indexOf(",") !== -1);
            var byday = parts.BYDAY ? parts.BYDAY.split(",") : [];
            var numbered = byday.filter(function (day) {
                return /^[+-]?\d/.test(day);
            });
            if (!simple || numbered.length > 1 || (numbered.length && byday.length > 1)) {
                part("freq").value = "CUSTOM";
                return false;
            }
            part("freq").value = parts.FREQ;
            part("interval").value = parts.INTERVAL || "1";
            picker.querySelectorAll('[data-part="weekday"]').forEach(function (box) {
                box.checked = byday.indexOf(box.value) !== -1;
            });
            if (parts.BYMONTH) {
                part("month").value = String(parseInt(parts.BYMONTH, 10));
            }
            if (numbered.length) {
                var match = /^([+-]?\d)([A-Z]{2})$/.exec(numbered[0]);
                setChecked("mode", "nth");
                part("position").value = String(parseInt(match[1], 10));
                part("nthday").value = match[2];
            } else if (parts.BYMONTHDAY) {
                setChecked("mode", "day");
                part("monthday").value = String(parseInt(parts.BYMONTHDAY, 10));
            }
            if (parts.COUNT) {
                setChecked("end", "count");
                part("count").value = parts.COUNT;
            } else if (parts.UNTIL) {
                setChecked("end", "until");
                part("until").value = parts.UNTIL.slice(0, 4) + "-" + parts.UNTIL.slice(4, 6) + "-" + parts.UNTIL.slice(6, 8);
            }
            return true;
        }

        function build() {
            var freq = part("freq").value;
            if (!freq || freq === "CUSTOM") {
                return freq ? input.value : "";
            }
            var rule = ["FREQ=" + freq];
            var interval = parseInt(part("interval").value, 10);
            if (interval > 1) {
                rule.push("INTERVAL=" + interval);
            }
            if (freq === "WEEKLY") {
                var days = [];
                picker.querySelectorAll('[data-part="weekday"]:checked').forEach(function (box) {
                    days.push(box.value);
                });
                if (days.length) {
                    rule.push("BYDAY=" + days.join(","));
                }
            }
            if (freq === "YEARLY") {
                rule.push("BYMONTH=" + part("month").value);
            }
            if (freq === "MONTHLY" || freq === "YEARLY") {
                if (checked("mode") === "nth") {
                    rule.push("BYDAY=" + part("position").value + part("nthday").value);
                } else {
                    rule.push("BYMONTHDAY=" + part("monthday").value);
                }
            }
            if (checked("end") === "count" && parseInt(part("count").value, 10) > 0) {
                rule.push("COUNT=" + parseInt(part("count").value, 10));
            } else if (checked("end") === "until" && part("until").value) {
                // The whole last day counts: until its final second on the event's clock.
                rule.push("UNTIL=" + part("until").value.replace(/-/g, "") + "T235959");
            }
            return rule.join(";");
        }

        var timer = null;
        function preview() {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                var start = form && form.querySelector('[name="start"]');
                var zone = form && form.querySelector('[name="time_zone"]');
                var params = new URLSearchParams({
                    rule: input.value,
                    start: start ? start.value : "",
                    time_zone: zone ? zone.value : "UTC",
                });
                fetch(picker.dataset.previewUrl + "?" + params.toString(), {
                    credentials: "same-origin",
                    headers: { Accept: "application/json" },
                })
                    .then(function (response) {
                        return response.json();
                    })
                    .then(function (data) {
                        summary.textContent = data.error || data.summary || "";
                        summary.classList.toggle("error-message", Boolean(data.error));
                        dates.textContent = "";
                        (data.dates || []).forEach(function (text) {
                            var item = document.createElement("li");
                            item.textContent = text;
                            dates.appendChild(item);
                        });
                        datesHeading.hidden = !(data.dates && data.dates.length);
                    })
                    .catch(function () {
                        summary.textContent = "";
                    });
            }, 250);
        }

        function changed() {
            var freq = part("freq").value;
            showFor(freq);
            if (freq !== "CUSTOM") {
                input.value = build();
            }
            preview();
        }

        controls.hidden = false;
        if (!load(input.value)) {
            details.open = true;
        }
        showFor(part("freq").value);
        controls.addEventListener("change", changed);
        controls.addEventListener("input", changed);
        // Editing the rule by hand: follow it in the controls where they can.
        input.addEventListener("input", function () {
            showFor(load(input.value) ? part("freq").value : "CUSTOM");
            preview();
        });
        if (form) {
            ["start", "time_zone"].forEach(function (name) {
                var field = form.querySelector('[name="' + name + '"]');
                if (field) {
                    field.addEventListener("change", preview);
                }
            });
        }
        preview();
    }

    function init() {
        document.querySelectorAll("[data-recurrence-picker]").forEach(function (picker) {
            if (!picker.dataset.ready) {
                picker.dataset.ready = "true";
                setUp(picker);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
