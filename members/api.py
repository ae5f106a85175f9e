"""/api/v2/members/ (public profiles of listed members) and /api/v2/map/ (counts per country)."""

from django.utils import translation
from django_countries import countries

from headless.api import SectionAPIView
from home.parameters import FORMAT, LOCALE, PAGINATION, Choice, Parameters, Text, country, paginate

from .models import Member, Sector, member_counts, public_directory
from .regions import Region, countries_in


class MembersAPIView(SectionAPIView):
    parameters = Parameters(
        LOCALE,
        Choice("sector", "Sector.", choices=Sector.values),
        country(),
        Choice("region", "ITU region.", choices=Region.values),
        Text("q", "Name (or part of it).", max_length=100),
        *PAGINATION,
        FORMAT,
    )

    def get_data(self, request):
        params = self.params
        locale = self.locale()
        directory = public_directory(locale)
        members = (
            (Member.objects.listed() if directory else Member.objects.none())
            .in_language(locale)
            .select_related("locale", "photo")
            .prefetch_related("photo__renditions")
        )
        if sector := params["sector"]:
            members = members.filter(sector=sector)
        if country_code := params["country"]:
            members = members.filter(country=country_code.upper())
        if region := params["region"]:
            members = members.filter(country__in=countries_in(region))
        if name := (params["q"] or "").strip():
            members = members.filter(full_name__icontains=name)
        items, total = paginate(params, members.order_by("full_name"))
        items = list(items)
        expertise = expertise_names(items)
        results = []
        for member in items:
            data = member.public_data(expertise=expertise.get(member.pk, []))
            data["url"] = request.build_absolute_uri(directory.profile_url(member)) if directory else None
            results.append(data)
        return {"meta": {"total_count": total}, "items": results}


def expertise_names(members):
    """
    {member id: her areas of expertise's names} for `members`, by the query
    prefetch_related("expertise") runs, in its order, without the tag manager
    and the filtered queryset it builds for each member to hold her tags.
    """
    if not members:
        return {}
    tags, *_rest = Member.expertise.get_prefetch_querysets(members)
    names = {}
    for tag in tags:
        names.setdefault(tag._prefetch_related_val, []).append(tag.name)
    return names


class MapAPIView(SectionAPIView):
    parameters = Parameters(LOCALE, FORMAT)

    def get_data(self, request):
        locale = self.locale()
        counts = member_counts() if public_directory(locale) else {}
        with translation.override(locale.language_code):
            items = sorted(
                ({"country": code, "name": str(countries.name(code)), "count": n} for code, n in counts.items()),
                key=lambda item: (-item["count"], item["name"]),
            )
        return {"meta": {"total_count": len(items), "members": sum(counts.values())}, "items": items}
