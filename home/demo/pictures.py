"""
The demo's pictures as Wagtail images, each with a description in the six
languages (the alternative text of the page or profile that shows it). The
pictures themselves are drawn by home.demo.illustrations.
"""

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import illustrations

COLLECTION_NAME = "Demo illustrations"

HERO_ALT = {
    "en": "Drawing: seven women side by side, linked by golden lines to a network that spans a globe.",
    "fr": "Dessin : sept femmes côte à côte, reliées par des lignes dorées à un réseau qui couvre un globe.",
    "es": "Dibujo: siete mujeres una al lado de la otra, unidas por líneas doradas a una red que cubre un globo terráqueo.",
    "ru": "Рисунок: семь женщин стоят рядом, золотые линии связывают их с сетью, охватывающей земной шар.",
    "ar": "رسم: سبع نساء جنبًا إلى جنب، تربطهن خطوط ذهبية بشبكة تمتد عبر الكرة الأرضية.",
    "zh-hans": "插图：七位女性并肩而立，金色的线条把她们与覆盖全球的网络连在一起。",
}

# What each subject picture shows, for the articles that use it.
SUBJECT_ALT = {
    "code": {
        "en": "Drawing: a laptop whose screen shows the angle brackets of computer code.",
        "fr": "Dessin : un ordinateur portable dont l'écran affiche les chevrons du code informatique.",
        "es": "Dibujo: un portátil en cuya pantalla aparecen los corchetes angulares del código informático.",
        "ru": "Рисунок: ноутбук, на экране которого угловые скобки программного кода.",
        "ar": "رسم: حاسوب محمول تظهر على شاشته أقواس الشيفرة البرمجية.",
        "zh-hans": "插图：一台笔记本电脑，屏幕上显示着代码的尖括号。",
    },
    "mobile-money": {
        "en": "Drawing: a mobile phone beside a stack of coins.",
        "fr": "Dessin : un téléphone portable à côté d'une pile de pièces.",
        "es": "Dibujo: un teléfono móvil junto a una pila de monedas.",
        "ru": "Рисунок: мобильный телефон рядом со стопкой монет.",
        "ar": "رسم: هاتف محمول بجانب كومة من العملات المعدنية.",
        "zh-hans": "插图：一部手机旁边放着一摞硬币。",
    },
    "public-services": {
        "en": "Drawing: a government building with columns, and a screen showing a tick.",
        "fr": "Dessin : un bâtiment public à colonnes et un écran affichant une coche.",
        "es": "Dibujo: un edificio gubernamental con columnas y una pantalla con una marca de verificación.",
        "ru": "Рисунок: государственное здание с колоннами и экран с галочкой.",
        "ar": "رسم: مبنى حكومي ذو أعمدة وشاشة تظهر عليها علامة صح.",
        "zh-hans": "插图：一座带立柱的政府大楼和一块显示对勾的屏幕。",
    },
    "health": {
        "en": "Drawing: a heart crossed by the line of a heartbeat monitor.",
        "fr": "Dessin : un cœur traversé par le tracé d'un moniteur cardiaque.",
        "es": "Dibujo: un corazón atravesado por la línea de un monitor cardíaco.",
        "ru": "Рисунок: сердце, пересечённое линией кардиомонитора.",
        "ar": "رسم: قلب يعبره خط جهاز مراقبة نبضات القلب.",
        "zh-hans": "插图：一颗心，心电监护的曲线从中穿过。",
    },
    "spectrum": {
        "en": "Drawing: a radio mast sending out waves.",
        "fr": "Dessin : un pylône radio qui émet des ondes.",
        "es": "Dibujo: una torre de radio que emite ondas.",
        "ru": "Рисунок: радиовышка, излучающая волны.",
        "ar": "رسم: برج لاسلكي يبث موجات.",
        "zh-hans": "插图：一座正在发射电波的无线电塔。",
    },
    "archive": {
        "en": "Drawing: three shelves of colourful books and files.",
        "fr": "Dessin : trois étagères de livres et de dossiers colorés.",
        "es": "Dibujo: tres estantes con libros y carpetas de colores.",
        "ru": "Рисунок: три полки с разноцветными книгами и папками.",
        "ar": "رسم: ثلاثة رفوف عليها كتب وملفات ملونة.",
        "zh-hans": "插图：三层书架，摆满彩色的书籍和档案。",
    },
    "chip": {
        "en": "Drawing: a microchip with its connector pins.",
        "fr": "Dessin : une puce électronique et ses broches.",
        "es": "Dibujo: un microchip con sus patillas de conexión.",
        "ru": "Рисунок: микросхема с выводами.",
        "ar": "رسم: رقاقة إلكترونية بدبابيس توصيلها.",
        "zh-hans": "插图：一枚带引脚的微芯片。",
    },
    "security": {
        "en": "Drawing: a padlock on a shield.",
        "fr": "Dessin : un cadenas sur un bouclier.",
        "es": "Dibujo: un candado sobre un escudo.",
        "ru": "Рисунок: замок на щите.",
        "ar": "رسم: قفل على درع.",
        "zh-hans": "插图：盾牌上的一把锁。",
    },
    "broadband": {
        "en": "Drawing: coloured optical fibres ending in points of light.",
        "fr": "Dessin : des fibres optiques colorées terminées par des points de lumière.",
        "es": "Dibujo: fibras ópticas de colores que terminan en puntos de luz.",
        "ru": "Рисунок: разноцветные оптические волокна, на концах которых светятся точки.",
        "ar": "رسم: ألياف ضوئية ملونة تنتهي بنقاط من الضوء.",
        "zh-hans": "插图：彩色光纤，末端闪着光点。",
    },
    "teaching": {
        "en": "Drawing: an open book under a graduation cap.",
        "fr": "Dessin : un livre ouvert sous une toque de diplômé.",
        "es": "Dibujo: un libro abierto bajo un birrete de graduación.",
        "ru": "Рисунок: открытая книга под академической шапочкой.",
        "ar": "رسم: كتاب مفتوح تحت قبعة تخرج.",
        "zh-hans": "插图：一本打开的书，上方是一顶学位帽。",
    },
    "identity": {
        "en": "Drawing: an identity card with a portrait and a fingerprint.",
        "fr": "Dessin : une carte d'identité avec un portrait et une empreinte digitale.",
        "es": "Dibujo: un documento de identidad con un retrato y una huella dactilar.",
        "ru": "Рисунок: удостоверение личности с портретом и отпечатком пальца.",
        "ar": "رسم: بطاقة هوية عليها صورة شخصية وبصمة إصبع.",
        "zh-hans": "插图：一张印有头像和指纹的身份证。",
    },
    "girls-in-ict": {
        "en": "Drawing: three girls under a sky full of stars.",
        "fr": "Dessin : trois filles sous un ciel plein d'étoiles.",
        "es": "Dibujo: tres niñas bajo un cielo lleno de estrellas.",
        "ru": "Рисунок: три девочки под звёздным небом.",
        "ar": "رسم: ثلاث فتيات تحت سماء مليئة بالنجوم.",
        "zh-hans": "插图：繁星满天下的三个女孩。",
    },
}

# What each kind of event picture shows.
EVENT_ALT = {
    "conference": {
        "en": "Drawing: a speaker at a lectern in front of charts, facing an audience.",
        "fr": "Dessin : une oratrice à un pupitre devant des graphiques, face au public.",
        "es": "Dibujo: una ponente en un atril delante de unos gráficos, frente al público.",
        "ru": "Рисунок: докладчица за трибуной на фоне диаграмм перед слушателями.",
        "ar": "رسم: متحدثة على منصة أمام رسوم بيانية تواجه الجمهور.",
        "zh-hans": "插图：一位演讲者站在图表前的讲台上，面向听众。",
    },
    "webinar": {
        "en": "Drawing: a screen showing six women in a video call.",
        "fr": "Dessin : un écran où six femmes participent à une visioconférence.",
        "es": "Dibujo: una pantalla con seis mujeres en una videollamada.",
        "ru": "Рисунок: экран, на котором шесть женщин участвуют в видеозвонке.",
        "ar": "رسم: شاشة تظهر ست نساء في مكالمة فيديو.",
        "zh-hans": "插图：屏幕上六位女性正在视频通话。",
    },
    "workshop": {
        "en": "Drawing: four women working on laptops at a long table, under gear wheels.",
        "fr": "Dessin : quatre femmes travaillant sur des ordinateurs portables à une longue table, sous des engrenages.",
        "es": "Dibujo: cuatro mujeres trabajando con portátiles en una mesa larga, bajo unos engranajes.",
        "ru": "Рисунок: четыре женщины работают за ноутбуками за длинным столом, над ними шестерёнки.",
        "ar": "رسم: أربع نساء يعملن على حواسيب محمولة إلى طاولة طويلة تحت تروس.",
        "zh-hans": "插图：四位女性在长桌前用笔记本电脑工作，上方是齿轮。",
    },
    "observance": {
        "en": "Drawing: a calendar page with a star, confetti and a crowd.",
        "fr": "Dessin : une page de calendrier marquée d'une étoile, des confettis et une foule.",
        "es": "Dibujo: una hoja de calendario con una estrella, confeti y una multitud.",
        "ru": "Рисунок: листок календаря со звездой, конфетти и толпа.",
        "ar": "رسم: صفحة تقويم عليها نجمة، وقصاصات ورق ملونة، وحشد من الناس.",
        "zh-hans": "插图：一页标着星星的日历、五彩纸屑和人群。",
    },
    "meeting": {
        "en": "Drawing: six women seated around a round table.",
        "fr": "Dessin : six femmes assises autour d'une table ronde.",
        "es": "Dibujo: seis mujeres sentadas alrededor de una mesa redonda.",
        "ru": "Рисунок: шесть женщин сидят за круглым столом.",
        "ar": "رسم: ست نساء يجلسن حول طاولة مستديرة.",
        "zh-hans": "插图：六位女性围坐在一张圆桌旁。",
    },
}

PORTRAIT_ALT = {
    "en": "Drawn portrait of {name}.",
    "fr": "Portrait dessiné de {name}.",
    "es": "Retrato dibujado de {name}.",
    "ru": "Рисованный портрет: {name}.",
    "ar": "صورة مرسومة: {name}.",
    "zh-hans": "{name}的绘制肖像。",
}


def collection():
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def save_image(title, picture, description):
    """A Wagtail image of `picture` (a Pillow image), in the demo's collection."""
    from django.core.files.base import ContentFile

    content = ContentFile(illustrations.to_file(picture), name=f"{title.lower().replace(' ', '-')[:60]}.jpg")
    image = get_image_model()(title=title, description=description, collection=collection())
    image.file = ImageFile(content, name=content.name)
    image.save()
    return image


def hero_image():
    return save_image("Women connected across the globe", illustrations.hero(), HERO_ALT["en"])


def subject_image(subject, seed):
    return save_image(f"Illustration: {subject}", illustrations.subject(subject, seed), SUBJECT_ALT[subject]["en"])


def event_image(kind, seed):
    return save_image(f"Event illustration: {seed}", illustrations.event_picture(kind, seed), EVENT_ALT[kind]["en"])


def portrait_image(name):
    return save_image(f"Portrait: {name}", illustrations.portrait(name), PORTRAIT_ALT["en"].format(name=name))
