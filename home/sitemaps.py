from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """
    Every live, public page in every language, each with its translations as
    hreflang alternates (xhtml:link), so that search engines send readers to
    their own language. Wagtail's own sitemap only walks the site's root
    page, which is the English home page.
    """

    def items(self):
        site = self.get_wagtail_site()
        homes = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for home in homes:
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def alternates(self, pages):
        """{translation key: [{"lang_code", "location"}]} for the pages that exist in more than one language."""
        found = {}
        translations = (
            Page.objects.filter(translation_key__in={page.translation_key for page in pages})
            .live()
            .public()
            .select_related("locale")
            .only("url_path", "translation_key", "locale__language_code")
        )
        for translation in translations:
            location = translation.get_full_url(self.request)
            if location:
                found.setdefault(translation.translation_key, {})[translation.locale.language_code] = location
        alternates = {}
        for key, locations in found.items():
            if len(locations) < 2:
                continue
            links = [
                {"lang_code": code, "location": locations[code]}
                for code, _name in settings.LANGUAGES
                if code in locations
            ]
            if settings.LANGUAGE_CODE in locations:
                links.append({"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]})
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates(pages)
        urls = []
        last_mods = set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
