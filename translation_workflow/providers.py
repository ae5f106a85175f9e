"""
wagtail-localize's DeepL and LibreTranslate translators, with each call to
the provider bound by a total deadline (MACHINE_TRANSLATION_TIMEOUT) rather
than a per-read timeout, so a provider that answers a byte at a time cannot
hold the worker. The requests they send are the same as upstream's.
"""

import json

from django.conf import settings
from wagtail_localize.machine_translators import deepl, libretranslate
from wagtail_localize.strings import StringValue

from home import deadlines


def call_seconds(options):
    return float(options.get("TIMEOUT") or settings.MACHINE_TRANSLATION_TIMEOUT)


class LibreTranslator(libretranslate.LibreTranslator):
    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        response = deadlines.post(
            self.get_api_endpoint().rstrip("/") + "/translate",
            seconds=call_seconds(self.options),
            data=json.dumps(
                {
                    "q": [string.data for string in strings],
                    "source": self.language_code(source_locale.language_code),
                    "target": self.language_code(target_locale.language_code),
                    "api_key": self.options.get("API_KEY", ""),
                    "format": "html",
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        translated = response.json()["translatedText"]
        return {string: StringValue(text) for string, text in zip(strings, translated, strict=True)}


class DeepLTranslator(deepl.DeepLTranslator):
    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        response = deadlines.post(
            self.get_api_endpoint(),
            seconds=call_seconds(self.options),
            data=self.get_parameters(source_locale, target_locale, strings),
            headers=self.get_headers(),
        )
        response.raise_for_status()
        translated = response.json()["translations"]
        return {string: StringValue(item["text"]) for string, item in zip(strings, translated, strict=True)}
