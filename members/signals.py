"""
Members are published through their language's directory page
(members.models.public_directories): when a directory becomes private or
public again, its members' search documents follow.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.tasks import enqueue_sync


def _resync_members_under(page):
    from .models import Member, MemberDirectoryPage

    locale_ids = MemberDirectoryPage.objects.descendant_of(page, inclusive=True).values_list("locale_id", flat=True)
    members = list(Member.objects.listed().filter(locale_id__in=list(locale_ids)))
    if members:
        enqueue_sync(members)


def member_saved(sender, instance, **kwargs):
    # Her privacy choices were just copied to these other language versions
    # (Member.save): their documents follow.
    from .models import Member

    if changed := getattr(instance, "privacy_shared_with", None):
        enqueue_sync(list(Member.objects.filter(pk__in=changed)))


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _resync_members_under(page)


def directory_published_or_unpublished(sender, instance, **kwargs):
    # Unpublishing a section unpublishes each page in it, the directory included.
    from .models import MemberDirectoryPage

    if issubclass(sender, MemberDirectoryPage):
        _resync_members_under(instance)


def page_moved(sender, instance, **kwargs):
    _resync_members_under(instance)


def connect():
    from .models import Member

    post_save.connect(member_saved, sender=Member, dispatch_uid="members-privacy-choices-shared")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="members-directory-restricted")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="members-directory-unrestricted")
    page_published.connect(directory_published_or_unpublished, dispatch_uid="members-directory-published")
    page_unpublished.connect(directory_published_or_unpublished, dispatch_uid="members-directory-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="members-directory-moved")
