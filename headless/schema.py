"""
The OpenAPI 3 description of the API, generated from the endpoints' own
parameter declarations (the same ones that validate requests), and the
interactive documentation page.
"""

from django.conf import settings

ERROR = {
    "description": "An error: the message says what went wrong and, for a bad parameter, which one.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["message"],
                "properties": {"message": {"type": "string"}, "parameter": {"type": "string"}},
            }
        }
    },
}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


LISTING = {
    "type": "object",
    "properties": {
        "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
        "items": {"type": "array", "items": {"type": "object"}},
    },
}


def operation(endpoint, path):
    parameters = endpoint.parameters.openapi()
    return {
        "summary": endpoint.summary,
        "description": endpoint.description,
        "operationId": endpoint.operation_id,
        "tags": [endpoint.tag],
        "parameters": parameters,
        "responses": {
            "200": _json(endpoint.response_schema or LISTING, "Success"),
            "304": {"description": "Not modified since the ETag or date the client sent."},
            "400": ERROR,
            **({"403": ERROR} if endpoint.staff_only else {}),
            "404": ERROR,
        },
        **({"security": [{"session": []}]} if endpoint.staff_only else {}),
    }


def openapi_schema(endpoints, base_url):
    paths = {}
    for endpoint in endpoints:
        item = {"get": operation(endpoint, endpoint.path)}
        if "{id}" in endpoint.path:
            item["parameters"] = [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
            ]
        paths[endpoint.path] = item
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Global Network of Women ICT Decision Makers — content API",
            "version": "2",
            "description": (
                "Read-only JSON for the Network's pages, articles, events, members and search, in six "
                "languages. Choose a language with ?locale=. Lists take ?limit= (at most 100) and ?offset=. "
                "Responses carry ETag and Cache-Control, a page's detail Last-Modified too; send "
                "If-None-Match (or If-Modified-Since for a detail) for a 304. Bad parameters get a 400 with a JSON message."
            ),
        },
        "servers": [{"url": base_url.rstrip("/") + "/api/v2"}],
        "components": {
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}}
        },
        "paths": paths,
    }
