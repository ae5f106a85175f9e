from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from taggit.models import Tag
        from wagtail.images import get_image_model

        from home import page_cache

        from .models import Member

        # Members' search documents follow their directory's privacy, where the
        # site search is installed (members installs without it).
        if apps.is_installed("search"):
            from . import signals

            signals.connect()

        page_cache.purge_on_change(Member, member_tags)
        # Expertise names, and photos, appear in the directory and on profiles.
        page_cache.purge_on_change(Tag, directory_tags)
        page_cache.purge_on_change(get_image_model(), member_photo_tags)


def member_tags(member):
    """A profile or a consent changed: the directory, the map, and bylines that link to her."""
    return ["members", f"member:{member.translation_key}"]


def directory_tags(instance):
    return ["members"]


def member_photo_tags(image):
    from .models import Member

    return ["members"] if Member.objects.filter(photo_id=image.pk).exists() else []
