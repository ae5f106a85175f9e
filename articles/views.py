from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Locale

from home.abuse import RateLimit
from home.collation import sorted_by_name

from .forms import ArticleSubmissionForm
from .models import ArticlePage, ArticleSubmission, TopicLabel
from .submissions import create_submitted_article, notify

submission_rate_limit = RateLimit(
    "article-submission",
    limit=settings.ARTICLE_SUBMISSIONS_PER_HOUR,
    period=60 * 60,
)


# Every upload costs decoding, valid or not: attempts with a file are counted too.
upload_rate_limit = RateLimit("article-upload", limit=settings.ARTICLE_UPLOADS_PER_HOUR, period=60 * 60)


def topic_choices():
    labels = TopicLabel.objects.labels_for(Locale.get_active())
    tags = TopicLabel.objects.filter(locale=Locale.get_default()).select_related("tag").order_by("label")
    return sorted_by_name((label.tag.slug, labels.get(label.tag_id, label.label)) for label in tags)


def submit_article(request, index):
    status, retry_after = 200, None
    limits = [submission_rate_limit, upload_rate_limit]
    if request.method == "POST" and any(limit.exceeded(request) for limit in limits):
        # Refused before anything is read: an uploaded image is never decoded.
        form = ArticleSubmissionForm(request.POST, topic_choices=topic_choices())
        form.is_valid()
        form.add_error(None, _("You have sent several articles in the last hour. Please try again later."))
        status = 429
        retry_after = max(limit.retry_after(request) for limit in limits if limit.exceeded(request))
    elif request.method == "POST":
        if request.FILES:
            upload_rate_limit.record(request)
        form = ArticleSubmissionForm(request.POST, request.FILES, topic_choices=topic_choices())
        if form.is_valid():
            article = create_submitted_article(index, form.cleaned_data)
            submission_rate_limit.record(request)
            notify(article, form.cleaned_data, request)
            return redirect(index.url + index.reverse_subpage("submit_thanks"))
        status = 400
    else:
        form = ArticleSubmissionForm(topic_choices=topic_choices())
    response = index.render(request, context_overrides={"form": form}, template="articles/submit_article.html")
    response.status_code = status
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


class SubmissionSidePanel(BaseSidePanel):
    """Who sent a reader's article, beside its draft in the page editor."""

    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = gettext_lazy("Toggle the reader's submission")
        icon_name = "mail"
        has_counter = False

    name = "submission"
    title = gettext_lazy("Reader's submission")
    template_name = "articles/admin/submission_side_panel.html"
    order = 150

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["submission"] = self.submission
        context["submission_url"] = reverse(
            ArticleSubmission.snippet_viewset.get_url_name("inspect"), args=[self.submission.pk]
        )
        return context


class ArticleEditView(EditView):
    """The page editor, with the reader's submission in a side panel for those allowed to see it."""

    def get_side_panels(self):
        side_panels = super().get_side_panels()
        if self.request.user.has_perm("articles.view_articlesubmission"):
            submission = ArticleSubmission.objects.filter(article_id=self.page.pk).first()
            if submission is not None:
                side_panels.append(SubmissionSidePanel(self.page, self.request, submission=submission))
        return side_panels


class ArticlePageViewSet(PageViewSet):
    model = ArticlePage
    edit_view_class = ArticleEditView
