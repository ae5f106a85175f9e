// Interactive API documentation built from /api/v2/schema/ (OpenAPI 3), with
// no third-party script: one form per endpoint that sends the request and
// shows the response.
(function () {
    "use strict";
    var root = document.getElementById("api-endpoints");

    function element(tag, attributes, text) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            node.setAttribute(name, attributes[name]);
        });
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    function render(schema) {
        document.getElementById("api-description").textContent = schema.info.description;
        var base = schema.servers[0].url;
        root.textContent = "";
        Object.keys(schema.paths).forEach(function (path, index) {
            var operation = schema.paths[path].get;
            var section = element("section", { class: "endpoint", "aria-labelledby": "endpoint-" + index });
            section.appendChild(element("h2", { id: "endpoint-" + index }, "GET " + path));
            section.appendChild(element("p", { class: "endpoint__summary" }, operation.summary + (operation.description ? " — " + operation.description : "")));
            var form = element("form", { "data-path": path });
            var parameters = (schema.paths[path].parameters || []).concat(operation.parameters || []);
            parameters.forEach(function (parameter) {
                var id = "p-" + index + "-" + parameter.name;
                form.appendChild(element("label", { for: id }, parameter.name + (parameter.in === "path" ? " (required)" : "")));
                var input;
                if (parameter.schema && parameter.schema.enum) {
                    input = element("select", { id: id, name: parameter.name, "data-in": parameter.in });
                    input.appendChild(element("option", { value: "" }, "—"));
                    parameter.schema.enum.forEach(function (value) {
                        input.appendChild(element("option", { value: value }, value));
                    });
                } else {
                    input = element("input", { id: id, name: parameter.name, type: "text", "data-in": parameter.in });
                }
                form.appendChild(input);
                if (parameter.description) {
                    form.appendChild(element("p", { class: "help" }, parameter.description));
                }
            });
            var button = element("button", { type: "submit", class: "button" }, root.dataset.sendLabel);
            form.appendChild(button);
            var output = element("pre", { "aria-live": "polite", hidden: "" });
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                var url = path;
                var query = new URLSearchParams();
                Array.prototype.forEach.call(form.elements, function (input) {
                    if (!input.name || !input.value) {
                        return;
                    }
                    if (input.dataset.in === "path") {
                        url = url.replace("{" + input.name + "}", encodeURIComponent(input.value));
                    } else {
                        query.append(input.name, input.value);
                    }
                });
                var target = base + url + (query.toString() ? "?" + query.toString() : "");
                output.hidden = false;
                output.textContent = "GET " + target + "\n…";
                fetch(target, { headers: { Accept: "application/json" }, credentials: "same-origin" })
                    .then(function (response) {
                        return response.text().then(function (body) {
                            var text = body;
                            try {
                                text = JSON.stringify(JSON.parse(body), null, 2);
                            } catch (error) { /* not JSON */ }
                            output.textContent = "GET " + target + "\n" + response.status + " " + response.statusText + "\n\n" + text;
                        });
                    })
                    .catch(function (error) {
                        output.textContent = "GET " + target + "\n" + error;
                    });
            });
            section.appendChild(form);
            section.appendChild(output);
            root.appendChild(section);
        });
    }

    fetch(root.dataset.schemaUrl, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(render)
        .catch(function () {
            root.textContent = root.dataset.failedLabel;
        });
})();
