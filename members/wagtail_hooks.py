from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.images import get_image_model
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from headless.api import PUBLIC_MEDIA_HOOK
from home.snippet_views import TranslatableSnippetViewSet

from . import views
from .models import Member, MembershipApplication, public_directories


class MemberViewSet(TranslatableSnippetViewSet):
    model = Member
    icon = "group"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["full_name", "country", "sector", "listed", "show_on_map", "locale"]
    list_filter = ["locale", "sector", "listed", "show_on_map"]
    # Staff search by name or organisation in the database: the search index
    # holds only what members made public (not a hidden organisation).
    search_fields = ["full_name", "organisation"]
    search_backend_name = None
    list_per_page = 50


class MembershipApplicationViewSet(SnippetViewSet):
    model = MembershipApplication
    icon = "form"
    menu_order = 220
    list_display = ["full_name", "organisation", "country", "status", "submitted_at"]
    list_filter = ["status", "sector", "language"]
    search_fields = ["full_name", "organisation"]
    inspect_view_enabled = True
    add_to_admin_menu = True


register_snippet(MemberViewSet)
register_snippet(MembershipApplicationViewSet)


@hooks.register("register_admin_urls")
def register_member_admin_urls():
    return [
        path("members/applications/<int:pk>/review/", views.review_application, name="members_application_review"),
        path("members/<int:pk>/export/", views.export_member_view, name="members_export"),
        path("members/<int:pk>/erase/", views.erase_member_view, name="members_erase"),
    ]


@hooks.register("register_snippet_listing_buttons")
def member_data_rights_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Member) and user.has_perm("members.view_contact_details"):
        yield Button(
            _("Export data (JSON)"), reverse("members_export", args=[snippet.pk]), icon_name="download", priority=90
        )
    if isinstance(snippet, Member) and user.has_perm("members.delete_member"):
        yield Button(_("Erase all data"), reverse("members_erase", args=[snippet.pk]), icon_name="bin", priority=95)
    if isinstance(snippet, MembershipApplication) and snippet.status == MembershipApplication.Status.NEW:
        yield Button(
            _("Review"), reverse("members_application_review", args=[snippet.pk]), icon_name="tick", priority=10
        )


@hooks.register("load_demo_content", order=30)
def load_members_demo_content(stdout):
    """Member directory: sample members with drawn portraits."""
    from .demo import loader

    loader.load(stdout)


def member_search_document(member):
    """Public fields of listed members only: never contact details."""
    from .models import public_directory

    if not member.listed:
        return None
    directory = public_directory(member.locale)
    if directory is None:
        return None
    summary = ", ".join(part for part in [member.position, member.public_organisation] if part)
    expertise = [tag.name for tag in member.expertise.all()]
    return {
        "kind": "member",
        "content_type": "members.Member",
        "object_id": str(member.pk),
        "locale": member.locale.language_code,
        "title": member.display_name,
        "summary": summary,
        "body": " ".join([member.public_biography, *expertise]),
        "url": directory.profile_url(member),
        "topics": [],
        "topic_labels": expertise,
        "country": member.country.code or None,
        "year": member.member_since.year if member.member_since else None,
        "date": member.member_since.isoformat() if member.member_since else None,
        "extra": {"sector": member.sector, "region": member.region},
    }


@hooks.register("register_search_document_types")
def register_member_search():
    from search.documents import SearchDocumentType

    return [
        SearchDocumentType(
            kind="member",
            label=_("Members"),
            model=Member,
            build=member_search_document,
            queryset=lambda: Member.objects.listed().select_related("locale").prefetch_related("tagged_items__tag"),
            id_prefix="member",
            database_search=lambda query, locale: (
                Member.objects.listed().filter(locale=locale).search(query, operator="or")
            ),
        )
    ]


@hooks.register("generate_content")
def generate_members(options, stdout):
    from .demo import generate

    generate.generate(options["members"], stdout)


@hooks.register(PUBLIC_MEDIA_HOOK)
def listed_members_photos(model):
    """Photos that listed members chose to show are public, though no page references them."""
    if model is not get_image_model() or not public_directories().exists():
        return []
    return Member.objects.listed().filter(show_photo=True, photo__isnull=False).values_list("photo_id", flat=True)
