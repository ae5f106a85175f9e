from django import forms
from django.utils.translation import gettext_lazy as _

from home.abuse import HoneypotFormMixin, SingleLineField
from home.collation import country_options
from home.uploads import reencode_public_image


class ArticleSubmissionForm(HoneypotFormMixin, forms.Form):
    title = SingleLineField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences that say what the article is about."),
    )
    body = forms.CharField(
        label=_("Article"),
        min_length=300,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Plain text. Leave an empty line between paragraphs."),
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose up to three."),
    )
    author_name = SingleLineField(label=_("Your name"), max_length=200)
    organisation = SingleLineField(label=_("Organisation"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_options)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("So that the editors can contact you. Never published."),
    )
    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = SingleLineField(
        label=_("Image description"),
        max_length=250,
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )
    consent = forms.BooleanField(label=_("I agree to the terms of submission."))

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices
        # Keep the honeypot last so that people using a keyboard never reach it first.
        self.order_fields([name for name in self.fields if name != "website"] + ["website"])
        # What the browser may fill in from the reader's details (WCAG 1.3.5).
        for name, token in {
            "author_name": "name",
            "organisation": "organization",
            "country": "country",
            "email": "email",
        }.items():
            self.fields[name].widget.attrs["autocomplete"] = token

    def clean_topics(self):
        topics = self.cleaned_data["topics"]
        if len(topics) > 3:
            raise forms.ValidationError(_("Please choose at most three topics."))
        return topics

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return reencode_public_image(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Please describe the image for people who cannot see it."))
        return cleaned
