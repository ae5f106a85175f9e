import json

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required
from wagtail.models import Locale

from home.abuse import RateLimit

from .data_rights import erase_member, export_member
from .forms import MembershipApplicationForm
from .models import Member, MembershipApplication

application_rate_limit = RateLimit(
    "membership-application", limit=settings.MEMBERSHIP_APPLICATIONS_PER_HOUR, period=60 * 60
)


def join(request, directory):
    """The public application form. Nothing is saved unless everything is valid."""
    status, retry_after = 200, None
    form = MembershipApplicationForm(request.POST or None)
    if request.method == "POST":
        if application_rate_limit.exceeded(request):
            form.is_valid()
            form.add_error(
                None, _("Several applications have been sent from here in the last hour. Please try again later.")
            )
            status = 429
            retry_after = application_rate_limit.retry_after(request)
        elif form.is_valid():
            data = form.cleaned_data
            application = MembershipApplication.objects.create(
                full_name=data["full_name"],
                position=data["position"],
                organisation=data["organisation"],
                sector=data["sector"],
                country=data["country"],
                email=data["email"],
                motivation=data["motivation"],
                language=translation.get_language(),
                consented_at=timezone.now(),
            )
            application_rate_limit.record(request)
            notify_secretariat(application)
            return redirect(directory.url + directory.reverse_subpage("join_thanks"))
        else:
            status = 400
    response = directory.render(request, context_overrides={"form": form}, template="members/join.html")
    response.status_code = status
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def notify_secretariat(application):
    context = {"application": application, "admin_url": settings.WAGTAILADMIN_BASE_URL + application.admin_url()}
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            # One line whatever the applicant typed: a line break would add a header.
            " ".join(render_to_string("members/email/new_application_subject.txt", context).split()),
            render_to_string("members/email/new_application_body.txt", context),
            None,
            settings.EDITORS_EMAIL,
        )


@transaction.atomic
def approve(application):
    """Create an unlisted profile for the applicant; nothing becomes public until she opts in."""
    member = Member.objects.create(
        full_name=application.full_name,
        position=application.position,
        organisation=application.organisation,
        sector=application.sector,
        country=application.country,
        email=application.email,
        member_since=timezone.localdate(),
        locale=Locale.get_default(),
        listed=False,
    )
    application.status = MembershipApplication.Status.APPROVED
    application.decided_at = timezone.now()
    application.member = member
    application.save()
    with translation.override(application.language):
        send_mail(
            render_to_string("members/email/approved_subject.txt", {"application": application}).strip(),
            render_to_string("members/email/approved_body.txt", {"application": application}),
            None,
            [application.email],
        )
    return member


@permission_required("members.change_membershipapplication")
def review_application(request, pk):
    application = get_object_or_404(MembershipApplication, pk=pk)
    if request.method == "POST" and application.status == MembershipApplication.Status.NEW:
        if request.POST.get("decision") == "approve":
            member = approve(application)
            messages.success(request, _("Approved. An unlisted profile was created and the applicant was told."))
            return redirect("wagtailsnippets_members_member:edit", member.pk)
        if request.POST.get("decision") == "decline":
            application.status = MembershipApplication.Status.DECLINED
            application.decided_at = timezone.now()
            application.save()
            messages.success(request, _("Declined."))
            return redirect("wagtailsnippets_members_membershipapplication:list")
    return TemplateResponse(
        request,
        "members/admin/review_application.html",
        {"application": application, "page_title": _("Membership application")},
    )


@permission_required("members.view_contact_details")
def export_member_view(request, pk):
    member = get_object_or_404(Member, pk=pk)
    response = HttpResponse(
        json.dumps(export_member(member), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="member-{member.slug}.json"'
    return response


@permission_required("members.delete_member")
def erase_member_view(request, pk):
    member = get_object_or_404(Member, pk=pk)
    if request.method == "POST":
        erase_member(member)
        # The confirmation does not repeat her name: it is gone.
        messages.success(request, _("Everything the site held about this member has been erased."))
        return redirect("wagtailsnippets_members_member:list")
    return TemplateResponse(
        request, "members/admin/erase_member.html", {"member": member, "page_title": _("Erase a member's data")}
    )
