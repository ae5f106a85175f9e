"""ITU Development Sector regions, derived from a member's country."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab-states", _("Arab States")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific")
    CIS = "cis", _("CIS")
    EUROPE = "europe", _("Europe")


_MEMBERS = {
    Region.AFRICA: "AO BJ BW BF BI CM CV CF TD CG CD CI GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA "
    "NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW",
    Region.AMERICAS: "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC "
    "SR TT US UY VE PR",
    Region.ARAB_STATES: "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE",
    Region.ASIA_PACIFIC: "AF AU BD BT BN KH CN KP FJ IN ID IR JP KI LA MY MV MH FM MN MM NR NP NZ PK PG PH KR WS "
    "SG SB LK TH TL TO TV VU VN PW HK MO",
    Region.CIS: "AM AZ BY KZ KG RU TJ TM UZ",
    Region.EUROPE: "AL AD AT BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IL IT LV LI LT LU MT MC ME NL MK NO "
    "PL PT RO SM RS SK SI ES SE CH TR UA GB VA MD GE XK",
}

REGION_OF_COUNTRY = {code: region for region, codes in _MEMBERS.items() for code in codes.split()}


def region_for(country_code):
    """The ITU region of an ISO 3166 alpha-2 code, or None for places outside the six."""
    return REGION_OF_COUNTRY.get((country_code or "").upper())


def countries_in(region):
    return sorted(code for code, r in REGION_OF_COUNTRY.items() if r == region)
