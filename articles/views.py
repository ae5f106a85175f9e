from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.abuse import RateLimit
from home.collation import sorted_by_name

from .forms import ArticleSubmissionForm
from .models import TopicLabel
from .submissions import create_submitted_article, notify

submission_rate_limit = RateLimit(
    "article-submission",
    limit=getattr(settings, "ARTICLE_SUBMISSIONS_PER_HOUR", 5),
    period=60 * 60,
)


def topic_choices():
    labels = TopicLabel.objects.labels_for(Locale.get_active())
    tags = TopicLabel.objects.filter(locale=Locale.get_default()).select_related("tag").order_by("label")
    return sorted_by_name((label.tag.slug, labels.get(label.tag_id, label.label)) for label in tags)


def submit_article(request, index):
    status = 200
    if request.method == "POST":
        form = ArticleSubmissionForm(request.POST, request.FILES, topic_choices=topic_choices())
        if form.is_valid():
            if submission_rate_limit.exceeded(request):
                form.add_error(None, _("You have sent several articles in the last hour. Please try again later."))
                status = 429
            else:
                article = create_submitted_article(index, form.cleaned_data)
                submission_rate_limit.record(request)
                notify(article, form.cleaned_data, request)
                return redirect(index.url + index.reverse_subpage("submit_thanks"))
        else:
            status = 400
    else:
        form = ArticleSubmissionForm(topic_choices=topic_choices())
    response = index.render(request, context_overrides={"form": form}, template="articles/submit_article.html")
    response.status_code = status
    return response
