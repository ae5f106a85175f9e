from django import forms
from django.conf import global_settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.abuse import HoneypotFormMixin, SingleLineField
from home.collation import country_options

# The languages a member may say she speaks: the ones Django has names for.
SPOKEN_LANGUAGE_CHOICES = sorted(global_settings.LANGUAGES, key=lambda choice: choice[1])


class MemberForm(WagtailAdminModelForm):
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGE_CHOICES,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


class MembershipApplicationForm(HoneypotFormMixin, forms.Form):
    full_name = SingleLineField(label=_("Full name"), max_length=200)
    position = SingleLineField(label=_("Position"), max_length=200)
    organisation = SingleLineField(label=_("Organisation"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"))
    country = forms.ChoiceField(label=_("Country"), choices=country_options)
    email = forms.EmailField(label=_("Email"), max_length=254, help_text=_("Only the secretariat sees it."))
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        min_length=50,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(label=_("I have read the privacy notice and agree to it."))

    def __init__(self, *args, **kwargs):
        from .models import Sector

        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "—"), *Sector.choices]
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])
        # What the browser may fill in from the reader's details (WCAG 1.3.5).
        for name, token in {
            "full_name": "name",
            "position": "organization-title",
            "organisation": "organization",
            "country": "country",
            "email": "email",
        }.items():
            self.fields[name].widget.attrs["autocomplete"] = token
