"""
The query parameters of the headless API, declared once per endpoint.

An endpoint lists its parameters (name, type, bounds, choices); that one
declaration validates each request, words the 400 answer and writes the
endpoint's part of the OpenAPI schema, so the three cannot drift apart.
Choices that depend on the site (languages, search result kinds, page
types) are callables read when asked, never lists written out here.

Every error the API gives has one shape, `{"message": …}`, plus
`"parameter"` when one parameter is at fault.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.api.v2.utils import BadRequestError

# Ids and offsets beyond this cannot exist; past 2^63 the database itself would refuse them.
MAX_INTEGER = 2**31 - 1
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class ParameterError(BadRequestError):
    """A bad value (or name) of one query parameter: a 400 that names it."""

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = str(message)


def error_response(message, parameter=None, status=400):
    body = {"message": str(message)}
    if parameter:
        body["parameter"] = parameter
    return Response(body, status=status)


def exception_handler(exc, context):
    """REST framework's handler (settings.REST_FRAMEWORK), answering in the API's one error shape."""
    if isinstance(exc, ParameterError):
        return error_response(exc.message, exc.name)
    if isinstance(exc, BadRequestError):
        return error_response(exc)
    if isinstance(exc, Http404):
        return error_response(_("There is nothing at this address in the API."), status=404)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"message": str(response.data["detail"])}
    return response


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def renderer_formats():
    """What ?format= may name: REST framework's renderers (JSON, and the browsable API)."""
    return [renderer.format for renderer in api_settings.DEFAULT_RENDERER_CLASSES]


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    required: bool = False
    default: object = None

    def parse(self, value):
        """The value as the view uses it, or raise ParameterError."""
        if value == "":
            raise self.invalid(_("%(name)s must not be empty.") % {"name": self.name})
        return self.convert(value)

    def convert(self, value):
        return value

    def invalid(self, message):
        return ParameterError(self.name, message)

    def json_schema(self):
        return {"type": "string", "minLength": 1}

    def openapi(self):
        schema = self.json_schema()
        if self.default is not None:
            schema = {**schema, "default": self.default}
        return {
            "name": self.name,
            "in": "query",
            "required": self.required,
            "description": self.description,
            "schema": schema,
        }


@dataclass(frozen=True)
class Text(Parameter):
    max_length: int | None = None
    # A full-match regular expression, and what to say when a value does not
    # match it: a lazily translated message, which may name %(name)s.
    pattern: str | None = None
    pattern_message: object = None
    allow_empty: bool = False

    def parse(self, value):
        if value == "" and self.allow_empty:
            return value
        return super().parse(value)

    def convert(self, value):
        if self.max_length is not None and len(value) > self.max_length:
            raise self.invalid(
                _("%(name)s can be at most %(max)s characters long.") % {"name": self.name, "max": self.max_length}
            )
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            message = self.pattern_message or _("%(name)s is not in the expected form.")
            raise self.invalid(str(message) % {"name": self.name})
        return value

    def json_schema(self):
        schema = {"type": "string"}
        if not self.allow_empty:
            schema["minLength"] = 1
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        if self.pattern is not None:
            schema["pattern"] = f"^{self.pattern}$"
        return schema


SLUG_PATTERN = r"[-\w]+"
SLUG_MESSAGE = gettext_lazy("%(name)s must be a slug: letters, digits, hyphens and underscores.")
COUNTRY_PATTERN = r"[A-Za-z]{2}"
COUNTRY_MESSAGE = gettext_lazy("%(name)s must be a two-letter ISO 3166 code.")


def slug(name, description, max_length=100):
    return Text(name, description, max_length=max_length, pattern=SLUG_PATTERN, pattern_message=SLUG_MESSAGE)


def country(name="country", description="ISO 3166 alpha-2 country code."):
    return Text(name, description, pattern=COUNTRY_PATTERN, pattern_message=COUNTRY_MESSAGE)


@dataclass(frozen=True)
class Integer(Parameter):
    minimum: int = 0
    maximum: int = MAX_INTEGER
    # Words accepted besides numbers, such as "root" for child_of.
    words: tuple = ()

    def convert(self, value):
        if value in self.words:
            return value
        # ASCII digits only: "٣".isdigit() is true, and int() would read it.
        # A length check first: int() refuses strings of thousands of digits.
        digits = value.isascii() and value.isdigit() and len(value) <= len(str(self.maximum))
        if not digits or not self.minimum <= int(value) <= self.maximum:
            values = {"name": self.name, "minimum": self.minimum, "maximum": self.maximum}
            if self.words:
                message = _("%(name)s must be a whole number from %(minimum)s to %(maximum)s, or %(words)s.")
                raise self.invalid(message % {**values, "words": ", ".join(self.words)})
            raise self.invalid(_("%(name)s must be a whole number from %(minimum)s to %(maximum)s.") % values)
        return int(value)

    def json_schema(self):
        number = {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}
        if self.words:
            return {"oneOf": [number, {"type": "string", "enum": list(self.words)}]}
        return number


@dataclass(frozen=True)
class Choice(Parameter):
    # A list, or a callable that gives it when asked (the site's languages, registered types).
    choices: object = ()
    # With a separator, a value may name several choices (type=a.A,b.B).
    separator: str | None = None

    def values(self):
        return list(self.choices() if callable(self.choices) else self.choices)

    def convert(self, value):
        allowed = self.values()
        given = value.split(self.separator) if self.separator else [value]
        if any(item not in allowed for item in given):
            raise self.invalid(
                _("%(name)s must be one of: %(choices)s.") % {"name": self.name, "choices": ", ".join(allowed)}
            )
        return given if self.separator else value

    def json_schema(self):
        if self.separator:
            return {"type": "array", "items": {"type": "string", "enum": self.values()}, "minItems": 1}
        return {"type": "string", "enum": self.values()}

    def openapi(self):
        described = super().openapi()
        if self.separator:
            # Comma-separated in one value: OpenAPI's form style without explode.
            described.update(style="form", explode=False)
        return described


@dataclass(frozen=True)
class Date(Parameter):
    first: datetime.date = datetime.date(1900, 1, 1)
    last: datetime.date = datetime.date(2100, 12, 31)

    def convert(self, value):
        try:
            day = datetime.date.fromisoformat(value) if _DATE.fullmatch(value) else None
        except ValueError:
            day = None
        if day is None:
            raise self.invalid(_("%(name)s must be a date like 2027-04-01.") % {"name": self.name})
        if not self.first <= day <= self.last:
            raise self.invalid(
                _("%(name)s must be a day from %(first)s to %(last)s.")
                % {"name": self.name, "first": self.first.isoformat(), "last": self.last.isoformat()}
            )
        return day

    def json_schema(self):
        return {"type": "string", "format": "date"}

    def openapi(self):
        # OpenAPI has no bounds for dates: the description gives them.
        described = super().openapi()
        described["description"] = f"{self.description} From {self.first.isoformat()} to {self.last.isoformat()}."
        return described


def language(name="locale", description="Language.", **kwargs):
    """A choice among the site's languages (settings.LANGUAGES)."""
    return Choice(name, description, choices=language_codes, **kwargs)


FORMAT = Choice("format", "Response format: json, or api for the browsable API.", choices=renderer_formats)


class Parameters:
    """An endpoint's parameters: `read` checks a query against them, `openapi` describes them."""

    def __init__(self, *parameters):
        self.parameters = tuple(parameters)

    def __iter__(self):
        return iter(self.parameters)

    def __add__(self, other):
        return Parameters(*self.parameters, *(p for p in other if p.name not in self.names))

    def __getitem__(self, name):
        return next(p for p in self.parameters if p.name == name)

    @property
    def names(self):
        return [p.name for p in self.parameters]

    def only(self, *names):
        return Parameters(*(p for p in self.parameters if p.name in names))

    def without(self, *names):
        return Parameters(*(p for p in self.parameters if p.name not in names))

    def read(self, query, strict=True):
        """
        {name: value} for every declared parameter (its default when absent).
        Strictly (the API), an unknown name or bad value raises ParameterError;
        otherwise (pages a reader sees) they are ignored.
        """
        unknown = sorted(set(query) - set(self.names))
        if unknown and strict:
            raise ParameterError(unknown[0], _("Unknown parameter(s): %(names)s.") % {"names": ", ".join(unknown)})
        values = {}
        for parameter in self.parameters:
            if parameter.name not in query:
                if parameter.required and strict:
                    raise parameter.invalid(_("%(name)s is required.") % {"name": parameter.name})
                values[parameter.name] = parameter.default
                continue
            try:
                values[parameter.name] = parameter.parse(query[parameter.name])
            except ParameterError:
                if strict:
                    raise
                values[parameter.name] = parameter.default
        return values

    def openapi(self):
        return [p.openapi() for p in self.parameters]


class DeclaredParametersMixin:
    """
    For REST framework views and Wagtail's API viewsets: the request's query is
    read against the view's declaration once authentication and permissions
    have passed, into `self.params`; errors answer in the API's one shape.
    """

    parameters = Parameters()

    def get_declared_parameters(self):
        return self.parameters

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.params = self.get_declared_parameters().read(request.GET)

    def perform_content_negotiation(self, request, force=False):
        # REST framework answers an unknown ?format= with a bare 404 before the
        # view runs; a declared format is checked first, like any parameter.
        declared = self.get_declared_parameters()
        if not force and "format" in declared.names and "format" in request.GET:
            declared["format"].parse(request.GET["format"])
        return super().perform_content_negotiation(request, force)

    def handle_exception(self, exc):
        # Wagtail's viewsets answer 400 and 404 themselves, without the parameter's name.
        if isinstance(exc, (BadRequestError, Http404)):
            return exception_handler(exc, self.get_exception_handler_context())
        return super().handle_exception(exc)


# Shared by the endpoints that list things.
LOCALE = language("locale", "Language, one of the site's.")
PAGINATION = Parameters(
    Integer("limit", "Items per page.", minimum=1, maximum=settings.WAGTAILAPI_LIMIT_MAX, default=20),
    Integer("offset", "Items to skip.", default=0),
)


def paginate(params, items):
    """(the page of items ?limit= and ?offset= ask for, total)."""
    offset, limit = params["offset"], params["limit"]
    total = len(items) if isinstance(items, list) else items.count()
    return items[offset : offset + limit], total
