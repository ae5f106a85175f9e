"""A member's right to see, and to have erased, everything the site holds about her."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail_localize.models import TranslatableObject, TranslationSource

from .models import Member, MembershipApplication


def all_versions(member):
    return Member.objects.filter(translation_key=member.translation_key).select_related("locale", "photo")


def applications_of(member):
    versions = all_versions(member)
    emails = {m.email.lower() for m in versions if m.email}
    return MembershipApplication.objects.filter(member__in=versions) | MembershipApplication.objects.filter(
        email__in=emails
    )


def export_member(member):
    """Every stored field of every language version, her applications and her photo."""
    profiles = []
    for version in all_versions(member):
        data = {
            field.name: getattr(version, field.attname)
            for field in Member._meta.concrete_fields
            if field.name not in {"id", "photo"}
        }
        data["country"] = version.country.code
        data["locale"] = version.locale.language_code
        data["expertise"] = [tag.name for tag in version.expertise.all()]
        data["photo"] = (
            {"title": version.photo.title, "file": version.photo.file.name, "description": version.photo.description}
            if version.photo
            else None
        )
        profiles.append(data)
    applications = [
        {
            field.name: getattr(application, field.attname)
            for field in MembershipApplication._meta.concrete_fields
            if field.name != "id"
        }
        for application in applications_of(member)
    ]
    for application in applications:
        application["country"] = str(application["country"])
    return {"profiles": profiles, "applications": applications}


@transaction.atomic
def erase_member(member):
    """
    Delete every language version of the profile, her applications, her photo
    (and its files and renditions, through Wagtail's own deletion), the
    translation records that copied her profile, and the admin log entries
    that name her.
    """
    versions = list(all_versions(member))
    photos = {version.photo for version in versions if version.photo}
    member_type = ContentType.objects.get_for_model(Member)
    object_ids = [str(version.pk) for version in versions]

    applications_of(member).delete()
    sources = TranslationSource.objects.filter(object_id=member.translation_key)
    sources.delete()
    TranslatableObject.objects.filter(translation_key=member.translation_key).delete()
    ModelLogEntry.objects.filter(content_type=member_type, object_id__in=object_ids).delete()
    ReferenceIndex.objects.filter(content_type=member_type, object_id__in=object_ids).delete()
    for version in versions:
        version.delete()
    for photo in photos:
        if not Member.objects.filter(photo=photo).exists():
            photo.delete()
