"""
The test site: the structure every test shares (six languages, home and About
pages, the three sections, navigation, footer, topics, event categories,
translation teams) and a few articles, events and members, built with the
factories in tests/factories.py and owned by the tests. The demo content is
never loaded here (it has one smoke test of its own, tests/test_demo_content.py),
so changing the demo's text breaks no test.

Words a test checks come from this module (`TEXT`, `ARTICLE`, `EVENT`, …),
never from a copy of them in the test. Translations are real phrases in each
language, so the browser tests' "text in another script is marked" check
reads them like any translated content.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from tests import factories

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]
ADMIN_PASSWORD = "admin-password"  # noqa: S105 (the test site's administrator)


def six(en, ar, es, fr, ru, zh):
    return {"en": en, "ar": ar, "es": es, "fr": fr, "ru": ru, "zh-hans": zh}


TEXT = {
    "site_name": "Test network of women in ICT",
    "home": six(
        "Test home", "الصفحة الرئيسية التجريبية", "Inicio de prueba", "Accueil d'essai", "Тестовая главная", "测试首页"
    ),
    "hero_title": six(
        "Women lead the tests",
        "النساء يقدن الاختبارات",
        "Las mujeres dirigen las pruebas",
        "Les femmes mènent les essais",
        "Женщины руководят испытаниями",
        "女性引领测试",
    ),
    "hero_text": six(
        "A site built for the test suite.",
        "موقع مبني لمجموعة الاختبارات.",
        "Un sitio creado para las pruebas.",
        "Un site construit pour les essais.",
        "Сайт, созданный для испытаний.",
        "为测试而建的网站。",
    ),
    "hero_alt": six(
        "A test picture",
        "صورة اختبار",
        "Una imagen de prueba",
        "Une image d'essai",
        "Тестовое изображение",
        "测试图片",
    ),
    "goals_heading": six(
        "Our test goals",
        "أهدافنا التجريبية",
        "Nuestros objetivos de prueba",
        "Nos objectifs d'essai",
        "Наши тестовые цели",
        "我们的测试目标",
    ),
    "goal": six(
        "Empower women through ICT",
        "تمكين المرأة من خلال تكنولوجيا المعلومات",
        "Empoderar a las mujeres mediante las TIC",
        "Autonomiser les femmes grâce aux TIC",
        "Расширять возможности женщин с помощью ИКТ",
        "通过信通技术增强妇女权能",
    ),
    "intro": six(
        "Written for the tests.",
        "مكتوب من أجل الاختبارات.",
        "Escrito para las pruebas.",
        "Écrit pour les essais.",
        "Написано для испытаний.",
        "为测试而写。",
    ),
    "about": six(
        "About the test network",
        "عن الشبكة التجريبية",
        "Acerca de la red de prueba",
        "À propos du réseau d'essai",
        "О тестовой сети",
        "关于测试网络",
    ),
    "about_intro": six(
        "Who we are, for the tests.",
        "من نحن، من أجل الاختبارات.",
        "Quiénes somos, para las pruebas.",
        "Qui nous sommes, pour les essais.",
        "Кто мы, для испытаний.",
        "我们是谁（测试用）。",
    ),
    "privacy": six(
        "Test privacy notice",
        "إشعار الخصوصية التجريبي",
        "Aviso de privacidad de prueba",
        "Avis de confidentialité d'essai",
        "Тестовое уведомление о конфиденциальности",
        "测试隐私声明",
    ),
    "in_focus": six(
        "Test stories",
        "قصص تجريبية",
        "Historias de prueba",
        "Récits d'essai",
        "Тестовые истории",
        "测试故事",
    ),
    "events": six(
        "Test calendar",
        "التقويم التجريبي",
        "Calendario de prueba",
        "Calendrier d'essai",
        "Тестовый календарь",
        "测试日历",
    ),
    "members": six(
        "Test directory",
        "الدليل التجريبي",
        "Directorio de prueba",
        "Annuaire d'essai",
        "Тестовый справочник",
        "测试名录",
    ),
    "footer": six(
        "Test footer of the network.",
        "تذييل الشبكة التجريبي.",
        "Pie de página de prueba de la red.",
        "Pied de page d'essai du réseau.",
        "Тестовый нижний колонтитул сети.",
        "网络的测试页脚。",
    ),
    "join": six(
        "Join the test network",
        "انضمي إلى الشبكة التجريبية",
        "Únase a la red de prueba",
        "Rejoindre le réseau d'essai",
        "Вступить в тестовую сеть",
        "加入测试网络",
    ),
    "submit": six(
        "Send a test story",
        "أرسلي قصة تجريبية",
        "Envíe una historia de prueba",
        "Proposer un récit d'essai",
        "Отправить тестовую историю",
        "投稿测试故事",
    ),
    "observance": six(
        "Test observance day",
        "يوم الاحتفال التجريبي",
        "Día de observancia de prueba",
        "Journée d'observation d'essai",
        "Тестовый памятный день",
        "测试纪念日",
    ),
}

# Topics: slug → label in each language.
TOPICS = {
    "policy": six("Policy", "السياسات", "Políticas", "Politiques", "Политика", "政策"),
    "e-health": six(
        "e-Health", "الصحة الإلكترونية", "Salud electrónica", "Cybersanté", "Электронное здравоохранение", "电子卫生"
    ),
    "e-skills-development": six(
        "e-Skills development",
        "تنمية المهارات الرقمية",
        "Desarrollo de competencias digitales",
        "Développement des compétences numériques",
        "Развитие цифровых навыков",
        "数字技能发展",
    ),
}

# Event categories: slug → name in each language.
CATEGORIES = {
    "conference": six("Conference", "مؤتمر", "Conferencia", "Conférence", "Конференция", "会议"),
    "webinar": six("Webinar", "ندوة عبر الإنترنت", "Seminario web", "Webinaire", "Вебинар", "网络研讨会"),
    "observance": six(
        "Observance", "يوم دولي", "Día internacional", "Journée internationale", "Международный день", "国际日"
    ),
}

# The shared article, translated into every language. Search tests look for
# its first word ("Telemedicine", in each language) and "nurses" in its standfirst.
ARTICLE = {
    "slug": "telemedicine-test",
    "date": datetime.date(2026, 4, 23),
    "topics": ["e-health", "policy"],
    "author": ("Ifeoma Tester", "Editor"),
    "role": six("Editor", "محررة", "Editora", "Rédactrice", "Редактор", "编辑"),
    "title": six(
        "Telemedicine reaches remote clinics",
        "التطبيب عن بعد يصل إلى العيادات النائية",
        "La telemedicina llega a clínicas remotas",
        "La télémédecine atteint les cliniques isolées",
        "Телемедицина приходит в отдалённые клиники",
        "远程医疗惠及偏远诊所",
    ),
    "intro": six(
        "Nurses reach remote villages by video.",
        "تصل الممرضات إلى القرى النائية عبر الفيديو.",
        "Las enfermeras llegan a aldeas remotas por vídeo.",
        "Les infirmières atteignent les villages isolés par vidéo.",
        "Медсёстры связываются с отдалёнными сёлами по видео.",
        "护士通过视频联系偏远村庄。",
    ),
    "body": six(
        "Clinics far from cities now consult doctors by satellite link every week.",
        "تستشير العيادات البعيدة عن المدن الأطباء الآن عبر الأقمار الصناعية كل أسبوع.",
        "Las clínicas alejadas de las ciudades consultan ahora a médicos por satélite cada semana.",
        "Les cliniques loin des villes consultent désormais des médecins par satellite chaque semaine.",
        "Клиники вдали от городов теперь каждую неделю консультируются с врачами по спутниковой связи.",
        "远离城市的诊所现在每周通过卫星连线咨询医生。",
    ),
    "alt": six(
        "A nurse on a video call",
        "ممرضة في مكالمة فيديو",
        "Una enfermera en una videollamada",
        "Une infirmière en appel vidéo",
        "Медсестра на видеозвонке",
        "正在视频通话的护士",
    ),
}

# More articles, in English only, for listings, related articles and a search
# corpus: each body says "Women lead in ICT across the world" (the factory's).
MORE_ARTICLES = [
    {
        "slug": "rural-spectrum-test",
        "title": "Rural spectrum rules",
        "topics": ["policy", "e-health"],
        "date": datetime.date(2026, 3, 2),
    },
    {
        "slug": "library-coding-clubs-test",
        "title": "Coding clubs in libraries",
        "topics": ["e-skills-development"],
        "date": datetime.date(2026, 1, 15),
    },
    *(
        {
            "slug": f"women-in-ict-{n}",
            "title": f"Women in ICT, portrait {n}",
            "topics": ["e-skills-development"],
            "date": datetime.date(2025, n, 1),
        }
        for n in range(1, 10)
    ),
]

# The shared events: an annual all-day observance, a conference with a venue
# (translated), a monthly webinar series with a cancelled date and a past meeting.
EVENT = {
    "observance": {"slug": "observance-day-test", "recurrence": "FREQ=YEARLY;BYMONTH=4;BYDAY=4TH"},
    "conference": {
        "slug": "test-conference",
        "title": six(
            "Test conference on broadband",
            "مؤتمر تجريبي عن النطاق العريض",
            "Conferencia de prueba sobre banda ancha",
            "Conférence d'essai sur le haut débit",
            "Тестовая конференция о широкополосном доступе",
            "宽带测试会议",
        ),
        "summary": six(
            "Women regulators meet to compare notes.",
            "يلتقي المنظمون لتبادل الخبرات.",
            "Los reguladores se reúnen para comparar notas.",
            "Les régulateurs se réunissent pour comparer leurs notes.",
            "Регуляторы встречаются, чтобы обменяться опытом.",
            "监管机构聚会交流经验。",
        ),
        "venue_name": "Palais des Nations",
        "city": "Geneva",
        "country": "CH",
        "time_zone": "Europe/Zurich",
    },
    "series": {
        "slug": "webinar-series-test",
        "recurrence": "FREQ=MONTHLY;BYDAY=1WE;COUNT=6",
        "title": six(
            "Monthly test webinar",
            "ندوة شهرية تجريبية عبر الإنترنت",
            "Seminario web mensual de prueba",
            "Webinaire mensuel d'essai",
            "Ежемесячный тестовый вебинар",
            "每月测试网络研讨会",
        ),
        "note": six(
            "Cancelled for the holidays",
            "أُلغي بسبب العطلة",
            "Cancelado por las vacaciones",
            "Annulé pour les vacances",
            "Отменено из-за праздников",
            "因假期取消",
        ),
    },
    "past": {"slug": "past-meeting-test", "title": "Past test meeting"},
    "weekly": {
        "slug": "weekly-circle-test",
        "title": "Weekly test circle",
        "recurrence": "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
    },
}

# Listed members: (name, country, sector, expertise, translated into every language).
MEMBERS = [
    ("Ifeoma Tester", "NG", "government", ["e-health", "policy"], True),
    ("Carmen Prueba", "MX", "regulator", ["broadband policy"], False),
    ("Lina Essai", "FR", "academia", ["e-skills"], False),
    ("Rasha Ikhtibar", "JO", "private-sector", ["mobile-money"], False),
    ("Mei Ceshi", "CN", "international-organisation", ["e-health"], False),
]
TRANSLATED_MEMBER = next(name for name, *_rest, translated in MEMBERS if translated)
TRANSLATED_MEMBER_SLUG = slugify(TRANSLATED_MEMBER)
PORTRAIT = six(
    "Portrait of {name}",
    "صورة {name}",
    "Retrato de {name}",
    "Portrait de {name}",
    "Портрет: {name}",
    "{name}的肖像",
)
POSITION = six("Director", "مديرة", "Directora", "Directrice", "Директор", "主任")
BIOGRAPHY = six(
    "She leads digital programmes.",
    "تقود برامج رقمية.",
    "Dirige programas digitales.",
    "Elle dirige des programmes numériques.",
    "Она руководит цифровыми программами.",
    "她领导数字项目。",
)


def translate(instance, pairs_by_language):
    """Translate `instance` into the five other languages, `pairs_by_language[code]` mapping English to that language."""
    from home.translations import translate_object

    return {
        code: translate_object(instance, code, pairs_by_language.get(code, {})) for code in LANGUAGES if code != "en"
    }


def pairs(*texts):
    """{code: {english: translation}} for several six-language texts."""
    return {code: {text["en"]: text[code] for text in texts} for code in LANGUAGES if code != "en"}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home_in(code):
    """The test site's home page in the language `code`."""
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code=code)


def publish_text_page(parent, title, text, slug):
    """A published standard page under `parent` whose introduction and body say `text`."""
    page = factories.StandardPageFactory(
        parent=parent, title=title, slug=slug, intro=text, body=[("paragraph", RichText(f"<p>{text}</p>"))]
    )
    return publish(page)


def build():
    """Build the test site in the (empty) test database. Returns nothing: tests find it through fixtures."""
    from articles.models import ArticleAuthor, TopicLabel
    from events.models import EventCategory, EventOccurrenceOverride
    from home.models import FooterText, NavigationMenu, NavigationMenuItem
    from translation_workflow import teams

    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    # Wagtail's "Welcome" page (and the site pointing at it) makes way.
    root.get_children().delete()

    # Large enough for every rendition the templates ask for (Wagtail never enlarges).
    picture = factories.ImageFactory(title="Test picture", file__width=1600, file__height=900)
    home = factories.HomePageFactory(
        parent=root,
        title=TEXT["home"]["en"],
        slug="home",
        hero_title=TEXT["hero_title"]["en"],
        hero_text=TEXT["hero_text"]["en"],
        hero_image=picture,
        hero_image_alt=TEXT["hero_alt"]["en"],
        goals_heading=TEXT["goals_heading"]["en"],
        goals=[("goal", {"title": TEXT["goal"]["en"], "text": TEXT["hero_text"]["en"]})],
    )
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=TEXT["site_name"]
    )
    about = factories.AboutPageFactory(
        parent=home,
        title=TEXT["about"]["en"],
        slug="about",
        intro=TEXT["about_intro"]["en"],
        body=[("paragraph", RichText(f"<p>{TEXT['hero_text']['en']}</p>"))],
        join_title=TEXT["join"]["en"],
        show_in_menus=True,
    )
    intro = TEXT["intro"]["en"]
    privacy = factories.StandardPageFactory(parent=about, title=TEXT["privacy"]["en"], slug="privacy", intro=intro)
    in_focus = factories.ArticleIndexPageFactory(
        parent=home, title=TEXT["in_focus"]["en"], slug="in-focus", intro=intro
    )
    events = factories.EventIndexPageFactory(parent=home, title=TEXT["events"]["en"], slug="events", intro=intro)
    members = factories.MemberDirectoryPageFactory(
        parent=home, title=TEXT["members"]["en"], slug="members", intro=intro
    )
    # Factories save pages live without a revision: each is published once, as
    # an editor would, before it is translated (publication dates for feeds and
    # Last-Modified; translations made after the source's last publication).
    for page in (home, about, privacy, in_focus, events, members):
        publish(page)
    home_texts = [TEXT[key] for key in ("home", "hero_title", "hero_text", "hero_alt", "goals_heading", "goal")]
    translate(home, pairs(*home_texts))
    translate(about, pairs(TEXT["about"], TEXT["about_intro"], TEXT["hero_text"], TEXT["join"]))
    translate(privacy, pairs(TEXT["privacy"], TEXT["intro"]))
    for page, key in [(in_focus, "in_focus"), (events, "events"), (members, "members")]:
        translate(page, pairs(TEXT[key], TEXT["intro"]))

    footer = FooterText.objects.create(locale=english, body=f"<p>{TEXT['footer']['en']}</p>")
    translate(footer, pairs(TEXT["footer"]))

    for slug, labels in TOPICS.items():
        tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": labels["en"]})
        label = TopicLabel.objects.create(tag=tag, locale=english, label=labels["en"])
        translate(label, pairs(labels))
    for slug, names in CATEGORIES.items():
        category = EventCategory.objects.create(slug=slug, name=names["en"], locale=english)
        translate(category, pairs(names))

    # Articles.
    article = factories.ArticlePageFactory.build(
        title=ARTICLE["title"]["en"],
        slug=ARTICLE["slug"],
        intro=ARTICLE["intro"]["en"],
        body=[("paragraph", RichText(f"<p>{ARTICLE['body']['en']}</p>"))],
        date=ARTICLE["date"],
        hero_image=picture,
        hero_image_alt=ARTICLE["alt"]["en"],
    )
    name, role = ARTICLE["author"]
    article.authors.add(ArticleAuthor(name=name, role=role, locale=english))
    article.tags.set(list(Tag.objects.filter(slug__in=ARTICLE["topics"])))
    in_focus.add_child(instance=article)
    publish(article)
    translate(article, pairs(ARTICLE["title"], ARTICLE["intro"], ARTICLE["body"], ARTICLE["alt"], ARTICLE["role"]))
    for data in MORE_ARTICLES:
        factories.ArticlePageFactory(
            parent=in_focus,
            title=data["title"],
            slug=data["slug"],
            date=data["date"],
            topics=list(Tag.objects.filter(slug__in=data["topics"])),
            hero_image=picture,
        )

    # Events.
    category = {slug: EventCategory.objects.get(slug=slug, locale=english) for slug in CATEGORIES}
    observance = factories.EventPageFactory(
        parent=events,
        title=TEXT["observance"]["en"],
        slug=EVENT["observance"]["slug"],
        category=category["observance"],
        start=datetime.datetime(2011, 4, 28, tzinfo=datetime.UTC),
        end=datetime.datetime(2011, 4, 28, tzinfo=datetime.UTC),
        all_day=True,
        recurrence=EVENT["observance"]["recurrence"],
        online_url="https://example.org/observance",
        summary=TEXT["hero_text"]["en"],
        image=picture,
        image_alt=TEXT["hero_alt"]["en"],
    )
    publish(observance)
    translate(observance, pairs(TEXT["observance"], TEXT["hero_text"], TEXT["hero_alt"]))
    data = EVENT["conference"]
    start = (timezone.now() + datetime.timedelta(days=60)).replace(hour=9, minute=0, second=0, microsecond=0)
    conference = factories.EventPageFactory(
        parent=events,
        title=data["title"]["en"],
        slug=data["slug"],
        summary=data["summary"]["en"],
        category=category["conference"],
        start=start,
        end=start + datetime.timedelta(hours=8),
        time_zone=data["time_zone"],
        venue_name=data["venue_name"],
        city=data["city"],
        country=data["country"],
        image=picture,
        image_alt=TEXT["hero_alt"]["en"],
    )
    publish(conference)
    keep = {data[name]: data[name] for name in ("venue_name", "city")}
    translate(
        conference,
        {code: {**keep, **texts} for code, texts in pairs(data["title"], data["summary"], TEXT["hero_alt"]).items()},
    )
    first = timezone.now().date().replace(day=1) + datetime.timedelta(days=40)
    series = factories.EventPageFactory.build(
        title=EVENT["series"]["title"]["en"],
        slug=EVENT["series"]["slug"],
        category=category["webinar"],
        start=datetime.datetime(first.year, first.month, 1, 14, tzinfo=datetime.UTC),
        end=datetime.datetime(first.year, first.month, 1, 15, tzinfo=datetime.UTC),
        recurrence=EVENT["series"]["recurrence"],
        online_url="https://example.org/webinar",
        summary=TEXT["hero_text"]["en"],
    )
    events.add_child(instance=series)
    publish(series)
    second = series.upcoming_occurrences(limit=2)[1]
    series.occurrence_overrides.add(
        EventOccurrenceOverride(
            occurrence_date=second.start.date(),
            status="cancelled",
            note=EVENT["series"]["note"]["en"],
            locale=english,
        )
    )
    series.save()
    publish(series)
    translate(series, pairs(EVENT["series"]["title"], EVENT["series"]["note"], TEXT["hero_text"]))
    tuesday = datetime.datetime(2027, 3, 2, 17, tzinfo=datetime.UTC)
    weekly = factories.EventPageFactory(
        parent=events,
        title=EVENT["weekly"]["title"],
        slug=EVENT["weekly"]["slug"],
        category=category["webinar"],
        start=tuesday,
        end=tuesday + datetime.timedelta(hours=1),
        recurrence=EVENT["weekly"]["recurrence"],
        online_url="https://example.org/circle",
    )
    publish(weekly)
    past = timezone.now() - datetime.timedelta(days=400)
    publish(
        factories.EventPageFactory(
            parent=events,
            title=EVENT["past"]["title"],
            slug=EVENT["past"]["slug"],
            category=category["conference"],
            start=past,
            end=past + datetime.timedelta(hours=3),
        )
    )

    # Members.
    for name, country, sector, expertise, translated in MEMBERS:
        member = factories.MemberFactory(
            full_name=name,
            country=country,
            sector=sector,
            expertise=expertise,
            position=POSITION["en"],
            biography=BIOGRAPHY["en"],
            photo=picture,
            photo_alt=PORTRAIT["en"].format(name=name),
            # A proper name, kept as it is in every language, as organisations are.
            organisation=f"{name.split()[-1]} Institute",
        )
        if translated:
            portrait = {code: text.format(name=name) for code, text in PORTRAIT.items()}
            translate(
                member,
                {
                    code: {**texts, member.organisation: member.organisation}
                    for code, texts in pairs(POSITION, BIOGRAPHY, portrait).items()
                },
            )

    # Hero actions and navigation come last: they link to the pages above.
    home.hero_actions = [
        ("action", {"label": TEXT["join"]["en"], "page": members, "path": "join/"}),
        ("action", {"label": TEXT["submit"]["en"], "page": in_focus, "path": "submit/"}),
        ("action", {"label": TEXT["observance"]["en"], "page": observance, "path": ""}),
    ]
    home.hero_link_page = about
    publish(home)
    translate(home, pairs(*home_texts, TEXT["join"], TEXT["submit"], TEXT["observance"]))
    menu = NavigationMenu.objects.create(locale=english, name="Main navigation")
    for order, page in enumerate([about, in_focus, events, members]):
        NavigationMenuItem.objects.create(menu=menu, link_page=page, sort_order=order)
    translate(menu, {})

    teams.set_up_teams()
    User = get_user_model()
    User.objects.create_superuser("admin", "admin@example.org", ADMIN_PASSWORD)
