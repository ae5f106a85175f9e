from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.abuse import RateLimit

from .forms import ArticleSubmissionForm
from .models import TopicLabel
from .submissions import create_submitted_article, notify

submission_rate_limit = RateLimit(
    "article-submission",
    limit=getattr(settings, "ARTICLE_SUBMISSIONS_PER_HOUR", 5),
    period=60 * 60,
)


# Every upload costs decoding, valid or not: attempts with a file are counted too.
upload_rate_limit = RateLimit("article-upload", limit=getattr(settings, "ARTICLE_UPLOADS_PER_HOUR", 20), period=60 * 60)


def topic_choices():
    labels = TopicLabel.objects.labels_for(Locale.get_active())
    tags = TopicLabel.objects.filter(locale=Locale.get_default()).select_related("tag").order_by("label")
    return sorted(((label.tag.slug, labels.get(label.tag_id, label.label)) for label in tags), key=lambda c: c[1])


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
