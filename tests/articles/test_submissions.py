import pytest
from django.core import mail
from wagtail.models import WorkflowState

from articles.models import ArticlePage, ArticleSubmission

from .conftest import image_file, submission_data


def submit(client, index, **overrides):
    return client.post(index.url + "submit/", submission_data(**overrides), REMOTE_ADDR="203.0.113.7")


def nothing_saved(before_pages):
    return ArticlePage.objects.count() == before_pages and not ArticleSubmission.objects.exists()


@pytest.mark.django_db
class TestSubmitArticle:
    def test_form_is_offered_in_every_language(self, client, in_focus, locales):
        for code in ["ar", "en", "es", "fr", "ru", "zh-hans"]:
            response = client.get(in_focus.get_translation(locales[code]).url + "submit/")
            assert response.status_code == 200
            assert 'name="csrfmiddlewaretoken"' in response.content.decode()

    def test_submission_becomes_one_draft_in_the_review_workflow_and_sends_two_emails(self, client, french_in_focus):
        before = ArticlePage.objects.count()
        response = submit(client, french_in_focus)
        assert response.status_code == 302
        assert response["Location"] == french_in_focus.url + "submit/thanks/"

        assert ArticlePage.objects.count() == before + 1
        article = ArticlePage.objects.get(title="Women shaping spectrum policy")
        assert not article.live
        assert article.owner is None
        assert article.locale.language_code == "fr"
        assert article.get_parent().pk == french_in_focus.pk
        assert [a.name for a in article.authors.all()] == ["Zanele Mokoena"]
        assert list(article.tags.slugs()) == ["policy"]
        assert len(article.body) == 2

        state = WorkflowState.objects.get(object_id=str(article.pk))
        assert state.workflow.name == "In Focus review"
        assert state.status == WorkflowState.STATUS_IN_PROGRESS

        submission = ArticleSubmission.objects.get(article=article)
        assert submission.email == "canary-submitter@example.org"
        assert submission.language == "fr"

        assert len(mail.outbox) == 2
        editors, submitter = mail.outbox
        assert "editors@localhost" in editors.to
        assert "Women shaping spectrum policy" in editors.subject
        assert submitter.to == ["canary-submitter@example.org"]
        assert "Nous avons bien reçu" in submitter.subject  # in the submitter's language

    def test_image_is_re_encoded_and_attached(self, client, in_focus):
        response = submit(client, in_focus, image=image_file("JPEG"), image_alt="Three regulators at a table")
        assert response.status_code == 302
        article = ArticlePage.objects.get(title="Women shaping spectrum policy")
        assert article.hero_image.description == "Three regulators at a table"
        assert article.hero_image.file.name.endswith(".jpg")
        assert article.hero_image.collection.name == "Reader submissions"

    def test_honeypot_saves_nothing(self, client, in_focus):
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, website="http://spam.example")
        assert response.status_code == 400
        assert nothing_saved(before)
        assert not mail.outbox

    def test_sixth_submission_in_an_hour_is_refused(self, client, in_focus):
        for n in range(5):
            assert submit(client, in_focus, title=f"Article number {n}").status_code == 302
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, title="One too many")
        assert response.status_code == 429
        assert "try again later" in response.content.decode()
        assert ArticlePage.objects.count() == before
        assert not ArticlePage.objects.filter(title="One too many").exists()

    def test_rate_limit_is_per_address(self, client, in_focus):
        for n in range(5):
            submit(client, in_focus, title=f"Article number {n}")
        response = client.post(
            in_focus.url + "submit/", submission_data(title="Another person"), REMOTE_ADDR="198.51.100.9"
        )
        assert response.status_code == 302

    @pytest.mark.parametrize(
        "upload,message",
        [
            (image_file("GIF", name="anim.gif"), "JPEG, PNG or WebP"),
            (image_file("BMP", name="photo.bmp"), "JPEG, PNG or WebP"),
            ("svg", "including SVG"),
            ("text", "JPEG, PNG or WebP"),
        ],
        ids=["gif", "bmp", "svg", "text-renamed-png"],
    )
    def test_wrong_file_types_are_refused_with_a_clear_message(self, client, in_focus, upload, message):
        import io

        if upload == "svg":
            upload = io.BytesIO(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
            upload.name = "logo.svg"
        elif upload == "text":
            upload = io.BytesIO(b"definitely not an image")
            upload.name = "photo.png"
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, image=upload, image_alt="A picture")
        assert response.status_code == 400
        assert message in response.content.decode()
        assert nothing_saved(before)

    def test_oversize_image_is_refused(self, client, in_focus, settings):
        settings.PUBLIC_IMAGE_MAX_UPLOAD_SIZE = 1000
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, image=image_file("PNG", size=(400, 400)), image_alt="Big")
        assert response.status_code == 400
        assert "the limit is" in response.content.decode()
        assert nothing_saved(before)

    @pytest.mark.parametrize(
        "field,value",
        [
            ("title", "x" * 201),
            ("summary", "x" * 601),
            ("body", "too short"),
            ("author_name", "x" * 201),
            ("email", "not-an-email"),
            ("country", "XX"),
            ("consent", ""),
            ("topics", ["no-such-topic"]),
        ],
    )
    def test_invalid_fields_show_field_errors_and_save_nothing(self, client, in_focus, field, value):
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, **{field: value})
        assert response.status_code == 400
        assert 'class="errorlist' in response.content.decode()
        assert nothing_saved(before)

    def test_image_without_description_is_refused(self, client, in_focus):
        before = ArticlePage.objects.count()
        response = submit(client, in_focus, image=image_file("PNG"), image_alt="")
        assert response.status_code == 400
        assert "Please describe the image" in response.content.decode()
        assert nothing_saved(before)

    def test_csrf_is_enforced(self, in_focus):
        from django.test import Client

        response = Client(enforce_csrf_checks=True).post(in_focus.url + "submit/", submission_data())
        assert response.status_code == 403


@pytest.mark.django_db
def test_submitted_draft_is_invisible_until_approved(client, in_focus):
    submit(client, in_focus)
    article = ArticlePage.objects.get(title="Women shaping spectrum policy")
    assert client.get(in_focus.url + article.slug + "/").status_code == 404
    assert "Women shaping spectrum policy" not in client.get(in_focus.url).content.decode()
    assert "Women shaping spectrum policy" not in client.get(in_focus.url + "feed/").content.decode()
    assert "Women shaping spectrum policy" not in client.get("/en/search/", {"q": "spectrum"}).content.decode()
    api = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "limit": 100, "search": "spectrum"}).json()
    assert all(item["title"] != "Women shaping spectrum policy" for item in api["items"])
    assert "canary-submitter@example.org" not in client.get("/api/v2/pages/", {"limit": 100}).content.decode()

    # The moderator approves: now readers see it.
    article.get_latest_revision().publish()
    assert client.get(in_focus.url + article.slug + "/").status_code == 200
    assert "canary-submitter@example.org" not in client.get(in_focus.url + article.slug + "/").content.decode()
