"""/api/v2/members/ (public profiles of listed members) and /api/v2/map/ (counts per country)."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.api.v2.utils import BadRequestError

from headless.api import LIMIT_PARAMETERS, LOCALE_PARAMETER, Parameter, SectionAPIView, paginate

from .models import Member, Sector, member_counts, public_directory
from .regions import Region, countries_in


class MembersAPIView(SectionAPIView):
    parameters = [
        LOCALE_PARAMETER,
        Parameter("sector", "Sector.", {"type": "string", "enum": list(Sector.values)}),
        Parameter("country", "ISO 3166 alpha-2 country code.", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
        Parameter("region", "ITU region.", {"type": "string", "enum": list(Region.values)}),
        Parameter("q", "Name (or part of it).", {"type": "string", "maxLength": 100}),
        *LIMIT_PARAMETERS,
    ]

    def get_data(self, request):
        params = request.GET
        locale = self.locale(request)
        directory = public_directory(locale)
        members = (
            (Member.objects.listed() if directory else Member.objects.none())
            .in_language(locale)
            .select_related("locale", "photo")
            .prefetch_related("expertise", "photo__renditions")
        )
        if sector := params.get("sector"):
            if sector not in Sector.values:
                raise BadRequestError(_("sector must be one of: %(values)s.") % {"values": ", ".join(Sector.values)})
            members = members.filter(sector=sector)
        if country := params.get("country"):
            if len(country) != 2 or not country.isalpha():
                raise BadRequestError(_("country must be a two-letter ISO 3166 code."))
            members = members.filter(country=country.upper())
        if region := params.get("region"):
            if region not in Region.values:
                raise BadRequestError(_("region must be one of: %(values)s.") % {"values": ", ".join(Region.values)})
            members = members.filter(country__in=countries_in(region))
        if name := params.get("q", "").strip():
            members = members.filter(full_name__icontains=name[:100])
        items, total = paginate(request, members.order_by("full_name"))
        results = []
        for member in items:
            data = member.public_data()
            data["url"] = request.build_absolute_uri(directory.profile_url(member)) if directory else None
            results.append(data)
        return {"meta": {"total_count": total}, "items": results}


class MapAPIView(SectionAPIView):
    parameters = [LOCALE_PARAMETER]

    def get_data(self, request):
        locale = self.locale(request)
        counts = member_counts() if public_directory(locale) else {}
        with translation.override(locale.language_code):
            items = sorted(
                ({"country": code, "name": str(countries.name(code)), "count": n} for code, n in counts.items()),
                key=lambda item: (-item["count"], item["name"]),
            )
        return {"meta": {"total_count": len(items), "members": sum(counts.values())}, "items": items}
