"""Demo events: categories and events in the six UN languages (text) with their times and places."""

# slug: {language: name}
CATEGORIES = {
    "conference": {
        "en": "Conference",
        "ar": "مؤتمر",
        "es": "Conferencia",
        "fr": "Conférence",
        "ru": "Конференция",
        "zh-hans": "会议",
    },
    "webinar": {
        "en": "Webinar",
        "ar": "ندوة عبر الإنترنت",
        "es": "Seminario web",
        "fr": "Webinaire",
        "ru": "Вебинар",
        "zh-hans": "网络研讨会",
    },
    "workshop": {
        "en": "Workshop",
        "ar": "ورشة عمل",
        "es": "Taller",
        "fr": "Atelier",
        "ru": "Семинар-практикум",
        "zh-hans": "研讨班",
    },
    "observance": {
        "en": "Observance",
        "ar": "يوم دولي",
        "es": "Día internacional",
        "fr": "Journée internationale",
        "ru": "Международный день",
        "zh-hans": "国际日",
    },
    "meeting": {"en": "Meeting", "ar": "اجتماع", "es": "Reunión", "fr": "Réunion", "ru": "Встреча", "zh-hans": "会谈"},
}

# Each event: slug, category, time zone, local start and end ("YYYY-MM-DDTHH:MM" or a date
# for all-day events), optional recurrence and overrides, place, and text per language
# as (title, summary).
EVENTS = [
    {
        "slug": "international-girls-in-ict-day",
        "category": "observance",
        "time_zone": "Europe/Zurich",
        "start": "2011-04-28",
        "end": "2011-04-28",
        "all_day": True,
        "recurrence": "FREQ=YEARLY;BYMONTH=4;BYDAY=4TH",
        "organiser": "International Telecommunication Union",
        "online_url": "https://www.itu.int/women-and-girls/girls-in-ict/",
        "text": {
            "en": (
                "International Girls in ICT Day",
                "Every year on the fourth Thursday of April, events around the world encourage girls and young women to study ICT and pursue careers in technology.",
            ),
            "fr": (
                "Journée internationale des jeunes filles dans le secteur des TIC",
                "Chaque année, le quatrième jeudi d'avril, des événements dans le monde entier encouragent les filles et les jeunes femmes à étudier les TIC et à faire carrière dans la technologie.",
            ),
            "es": (
                "Día Internacional de las Niñas en las TIC",
                "Cada año, el cuarto jueves de abril, actividades en todo el mundo animan a las niñas y las jóvenes a estudiar TIC y a desarrollar carreras en tecnología.",
            ),
            "ru": (
                "Международный день «Девушки в ИКТ»",
                "Ежегодно в четвертый четверг апреля мероприятия по всему миру побуждают девочек и молодых женщин изучать ИКТ и строить карьеру в сфере технологий.",
            ),
            "ar": (
                "اليوم الدولي للفتيات في مجال تكنولوجيا المعلومات والاتصالات",
                "في يوم الخميس الرابع من شهر أبريل من كل عام، تشجع فعاليات في جميع أنحاء العالم الفتيات والشابات على دراسة تكنولوجيا المعلومات والاتصالات والعمل في مجال التكنولوجيا.",
            ),
            "zh-hans": (
                "国际信息通信技术女童日",
                "每年四月的第四个星期四，世界各地举办活动，鼓励女童和年轻女性学习信息通信技术并投身科技职业。",
            ),
        },
    },
    {
        "slug": "network-launch-at-csw-2011",
        "category": "meeting",
        "time_zone": "America/New_York",
        "start": "2011-02-25T13:15",
        "end": "2011-02-25T14:45",
        "venue_name": "United Nations Headquarters",
        "city": "New York",
        "country": "US",
        "organiser": "International Telecommunication Union",
        "text": {
            "en": (
                "Launch of the Global Network of Women ICT Decision Makers",
                "The Network was launched during the 55th session of the Commission on the Status of Women.",
            ),
            "fr": (
                "Lancement du Réseau mondial des femmes décideurs dans le domaine des TIC",
                "Le Réseau a été lancé lors de la 55e session de la Commission de la condition de la femme.",
            ),
            "es": (
                "Presentación de la Red Mundial de Mujeres Responsables de la Toma de Decisiones en las TIC",
                "La Red se presentó durante el 55.º período de sesiones de la Comisión de la Condición Jurídica y Social de la Mujer.",
            ),
            "ru": (
                "Учреждение Глобальной сети женщин, принимающих решения в области ИКТ",
                "Сеть была учреждена в ходе 55-й сессии Комиссии по положению женщин.",
            ),
            "ar": (
                "إطلاق الشبكة العالمية للنساء صانعات القرار في مجال تكنولوجيا المعلومات والاتصالات",
                "أُطلقت الشبكة خلال الدورة الخامسة والخمسين للجنة وضع المرأة.",
            ),
            "zh-hans": ("信息通信技术女性决策者全球网络启动", "本网络在妇女地位委员会第五十五届会议期间启动。"),
        },
    },
    {
        "slug": "spectrum-policy-webinar-series",
        "category": "webinar",
        "time_zone": "America/New_York",
        "start": "2027-01-06T18:00",
        "end": "2027-01-06T19:30",
        "recurrence": "FREQ=MONTHLY;BYDAY=1WE;COUNT=6",
        "overrides": [
            {
                "occurrence_date": "2027-04-07",
                "status": "cancelled",
                "note": {
                    "en": "Cancelled for Girls in ICT Day preparations.",
                    "fr": "Annulé pour préparer la Journée des jeunes filles dans le secteur des TIC.",
                    "es": "Cancelado por los preparativos del Día de las Niñas en las TIC.",
                    "ru": "Отменено в связи с подготовкой к Дню «Девушки в ИКТ».",
                    "ar": "أُلغي بسبب التحضير ليوم الفتيات في مجال تكنولوجيا المعلومات والاتصالات.",
                    "zh-hans": "因筹备信息通信技术女童日而取消。",
                },
            },
            {
                "occurrence_date": "2027-05-05",
                "status": "moved",
                "new_date": "2027-05-12",
                "note": {
                    "en": "Moved one week later.",
                    "fr": "Reporté d'une semaine.",
                    "es": "Aplazado una semana.",
                    "ru": "Перенесено на неделю позже.",
                    "ar": "أُجّل أسبوعاً واحداً.",
                    "zh-hans": "推迟一周。",
                },
            },
        ],
        "online_url": "https://meet.example.org/spectrum-policy",
        "registration_url": "https://example.org/register/spectrum-policy",
        "organiser": "Global Network of Women ICT Decision Makers",
        "text": {
            "en": (
                "Spectrum policy for rural connectivity: webinar series",
                "Monthly online sessions where regulators share how spectrum licences can bring coverage to rural women.",
            ),
            "fr": (
                "Politique du spectre et connectivité rurale : cycle de webinaires",
                "Des sessions mensuelles en ligne où des régulateurs expliquent comment les licences de spectre peuvent apporter la couverture aux femmes rurales.",
            ),
            "es": (
                "Política del espectro para la conectividad rural: ciclo de seminarios web",
                "Sesiones mensuales en línea en las que reguladoras comparten cómo las licencias de espectro pueden llevar cobertura a las mujeres rurales.",
            ),
            "ru": (
                "Политика в области спектра для сельской связи: серия вебинаров",
                "Ежемесячные онлайн-сессии, на которых регуляторы рассказывают, как лицензии на спектр могут обеспечить связью сельских женщин.",
            ),
            "ar": (
                "سياسة الطيف من أجل الاتصال في الأرياف: سلسلة ندوات عبر الإنترنت",
                "جلسات شهرية عبر الإنترنت تعرض فيها الهيئات التنظيمية كيف يمكن لتراخيص الطيف أن توفر التغطية للنساء في الأرياف.",
            ),
            "zh-hans": (
                "促进农村连通的频谱政策：系列网络研讨会",
                "每月举办的在线会议，监管机构分享如何通过频谱许可为农村女性带来网络覆盖。",
            ),
        },
    },
    {
        "slug": "csw71-side-event",
        "category": "meeting",
        "time_zone": "America/New_York",
        "start": "2027-03-10T13:15",
        "end": "2027-03-10T14:30",
        "venue_name": "United Nations Headquarters, Conference Room 6",
        "city": "New York",
        "country": "US",
        "organiser": "Global Network of Women ICT Decision Makers",
        "text": {
            "en": (
                "CSW71 side event: women leading the digital transformation",
                "Members of the Network meet during the Commission on the Status of Women to discuss women's leadership in digital policy.",
            ),
            "fr": (
                "Événement parallèle à la CSW71 : les femmes à la tête de la transformation numérique",
                "Les membres du Réseau se réunissent pendant la Commission de la condition de la femme pour débattre du leadership des femmes dans les politiques numériques.",
            ),
            "es": (
                "Evento paralelo de la CSW71: mujeres que lideran la transformación digital",
                "Miembros de la Red se reúnen durante la Comisión de la Condición Jurídica y Social de la Mujer para debatir el liderazgo de las mujeres en la política digital.",
            ),
            "ru": (
                "Параллельное мероприятие КПЖ-71: женщины во главе цифровой трансформации",
                "Участницы Сети встречаются в ходе сессии Комиссии по положению женщин, чтобы обсудить лидерство женщин в цифровой политике.",
            ),
            "ar": (
                "فعالية جانبية للدورة 71 للجنة وضع المرأة: نساء يقدن التحول الرقمي",
                "تجتمع عضوات الشبكة خلال دورة لجنة وضع المرأة لمناقشة قيادة المرأة في السياسات الرقمية.",
            ),
            "zh-hans": (
                "妇地会第71届会议边会：引领数字化转型的女性",
                "网络成员在妇女地位委员会会议期间聚会，讨论女性在数字政策中的领导作用。",
            ),
        },
    },
    {
        "slug": "girls-in-ict-coding-workshop-nairobi",
        "category": "workshop",
        "time_zone": "Africa/Nairobi",
        "start": "2027-04-22T09:00",
        "end": "2027-04-22T16:00",
        "venue_name": "Innovation Hub",
        "city": "Nairobi",
        "country": "KE",
        "organiser": "Communications Authority of Kenya",
        "text": {
            "en": (
                "Girls in ICT Day coding workshop",
                "A day of programming, robotics and careers talks for secondary school girls.",
            ),
            "fr": (
                "Atelier de programmation de la Journée des jeunes filles dans les TIC",
                "Une journée de programmation, de robotique et de rencontres sur les métiers pour les lycéennes.",
            ),
            "es": (
                "Taller de programación del Día de las Niñas en las TIC",
                "Una jornada de programación, robótica y charlas sobre carreras para alumnas de secundaria.",
            ),
            "ru": (
                "Мастер-класс по программированию ко Дню «Девушки в ИКТ»",
                "День программирования, робототехники и бесед о профессиях для старшеклассниц.",
            ),
            "ar": (
                "ورشة برمجة في يوم الفتيات في مجال تكنولوجيا المعلومات والاتصالات",
                "يوم من البرمجة والروبوتات وأحاديث عن المهن لطالبات المدارس الثانوية.",
            ),
            "zh-hans": ("信息通信技术女童日编程工作坊", "为中学女生举办的编程、机器人和职业讲座活动日。"),
        },
    },
    {
        "slug": "e-skills-regional-workshop-bangkok",
        "category": "workshop",
        "time_zone": "Asia/Bangkok",
        "start": "2027-02-16T09:00",
        "end": "2027-02-18T17:00",
        "venue_name": "ITU Regional Office for Asia and the Pacific",
        "city": "Bangkok",
        "country": "TH",
        "organiser": "International Telecommunication Union",
        "text": {
            "en": (
                "Regional workshop on e-skills for women",
                "Three days on national digital skills strategies that reach women and girls.",
            ),
            "fr": (
                "Atelier régional sur les compétences numériques des femmes",
                "Trois jours consacrés aux stratégies nationales de compétences numériques qui touchent les femmes et les filles.",
            ),
            "es": (
                "Taller regional sobre competencias digitales para mujeres",
                "Tres días sobre estrategias nacionales de competencias digitales que lleguen a mujeres y niñas.",
            ),
            "ru": (
                "Региональный семинар по цифровым навыкам для женщин",
                "Три дня о национальных стратегиях развития цифровых навыков, охватывающих женщин и девочек.",
            ),
            "ar": (
                "ورشة إقليمية حول المهارات الرقمية للنساء",
                "ثلاثة أيام حول الاستراتيجيات الوطنية للمهارات الرقمية التي تصل إلى النساء والفتيات.",
            ),
            "zh-hans": ("女性数字技能区域研讨班", "为期三天，探讨惠及妇女和女童的国家数字技能战略。"),
        },
    },
    {
        "slug": "arab-states-regional-meeting-cairo",
        "category": "meeting",
        "time_zone": "Africa/Cairo",
        "start": "2027-05-12T10:00",
        "end": "2027-05-12T17:00",
        "venue_name": "Smart Village Conference Centre",
        "city": "Cairo",
        "country": "EG",
        "organiser": "National Telecom Regulatory Authority",
        "text": {
            "en": (
                "Arab States regional meeting of women ICT leaders",
                "Decision makers from the region share progress on women's access to digital services.",
            ),
            "fr": (
                "Réunion régionale des États arabes des femmes dirigeantes des TIC",
                "Des décideuses de la région font le point sur l'accès des femmes aux services numériques.",
            ),
            "es": (
                "Reunión regional de los Estados Árabes de mujeres líderes de las TIC",
                "Responsables de la región comparten avances en el acceso de las mujeres a los servicios digitales.",
            ),
            "ru": (
                "Региональная встреча женщин-лидеров ИКТ арабских государств",
                "Руководители из региона делятся успехами в обеспечении доступа женщин к цифровым услугам.",
            ),
            "ar": (
                "الاجتماع الإقليمي للدول العربية للقيادات النسائية في مجال تكنولوجيا المعلومات والاتصالات",
                "تتبادل صانعات القرار في المنطقة التقدم المحرز في وصول المرأة إلى الخدمات الرقمية.",
            ),
            "zh-hans": ("阿拉伯国家信息通信技术女性领导者区域会议", "该地区的决策者分享女性获取数字服务方面的进展。"),
        },
    },
    {
        "slug": "mentoring-circle-online",
        "category": "webinar",
        "time_zone": "Europe/Paris",
        "start": "2027-01-12T12:00",
        "end": "2027-01-12T13:00",
        "recurrence": "FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        "online_url": "https://meet.example.org/mentoring-circle",
        "organiser": "Global Network of Women ICT Decision Makers",
        "text": {
            "en": (
                "Mentoring circle for emerging women leaders",
                "Eight weekly online sessions pairing members with women early in their ICT careers.",
            ),
            "fr": (
                "Cercle de mentorat pour les futures dirigeantes",
                "Huit sessions hebdomadaires en ligne qui associent des membres à des femmes en début de carrière dans les TIC.",
            ),
            "es": (
                "Círculo de mentoría para nuevas líderes",
                "Ocho sesiones semanales en línea que ponen en contacto a miembros con mujeres al inicio de su carrera en las TIC.",
            ),
            "ru": (
                "Наставнический круг для будущих женщин-лидеров",
                "Восемь еженедельных онлайн-встреч, объединяющих участниц Сети с женщинами, начинающими карьеру в ИКТ.",
            ),
            "ar": (
                "حلقة إرشاد للقيادات النسائية الصاعدة",
                "ثماني جلسات أسبوعية عبر الإنترنت تجمع عضوات الشبكة بنساء في بداية مسيرتهن المهنية في مجال تكنولوجيا المعلومات والاتصالات.",
            ),
            "zh-hans": ("新兴女性领导者导师圈", "八次每周在线活动，为网络成员与刚开始信息通信技术职业的女性牵线结对。"),
        },
    },
    {
        "slug": "telecom-regulation-forum-mexico-city",
        "category": "conference",
        "time_zone": "America/Mexico_City",
        "start": "2027-06-15T09:00",
        "end": "2027-06-16T18:00",
        "venue_name": "Centro de Convenciones",
        "city": "Mexico City",
        "country": "MX",
        "organiser": "Regional Telecommunications Association",
        "registration_url": "https://example.org/register/regulation-forum",
        "text": {
            "en": (
                "Women in telecommunication regulation forum",
                "Two days on competition, affordability and consumer protection, led by women regulators of the Americas.",
            ),
            "fr": (
                "Forum des femmes dans la régulation des télécommunications",
                "Deux jours sur la concurrence, l'accessibilité financière et la protection des consommateurs, animés par des régulatrices des Amériques.",
            ),
            "es": (
                "Foro de mujeres en la regulación de las telecomunicaciones",
                "Dos días sobre competencia, asequibilidad y protección del consumidor, dirigidos por reguladoras de las Américas.",
            ),
            "ru": (
                "Форум женщин в регулировании электросвязи",
                "Два дня о конкуренции, ценовой доступности и защите потребителей под руководством женщин-регуляторов стран Америки.",
            ),
            "ar": (
                "منتدى المرأة في تنظيم الاتصالات",
                "يومان حول المنافسة والقدرة على تحمل التكاليف وحماية المستهلك، تقودهما نساء من الهيئات التنظيمية في الأمريكتين.",
            ),
            "zh-hans": ("女性参与电信监管论坛", "由美洲女性监管者主持，为期两天，探讨竞争、可负担性和消费者保护。"),
        },
    },
    {
        "slug": "wsis-forum-gender-session",
        "category": "conference",
        "time_zone": "Europe/Zurich",
        "start": "2027-07-06T14:00",
        "end": "2027-07-06T15:30",
        "venue_name": "International Conference Centre Geneva",
        "city": "Geneva",
        "country": "CH",
        "organiser": "International Telecommunication Union",
        "online_url": "https://meet.example.org/wsis-gender",
        "text": {
            "en": (
                "WSIS Forum session: gender and digital inclusion",
                "A session on measuring and closing the gender gap in internet use.",
            ),
            "fr": (
                "Session du Forum du SMSI : genre et inclusion numérique",
                "Une session sur la mesure et la réduction de l'écart entre les genres dans l'utilisation d'internet.",
            ),
            "es": (
                "Sesión del Foro de la CMSI: género e inclusión digital",
                "Una sesión sobre cómo medir y cerrar la brecha de género en el uso de internet.",
            ),
            "ru": (
                "Сессия Форума ВВУИО: гендер и цифровая интеграция",
                "Сессия об измерении и преодолении гендерного разрыва в использовании интернета.",
            ),
            "ar": (
                "جلسة منتدى القمة العالمية لمجتمع المعلومات: المساواة بين الجنسين والشمول الرقمي",
                "جلسة حول قياس الفجوة بين الجنسين في استخدام الإنترنت وسدّها.",
            ),
            "zh-hans": ("信息社会世界峰会论坛会议：性别与数字包容", "关于衡量和弥合互联网使用中性别差距的会议。"),
        },
    },
    {
        "slug": "digital-health-leadership-kigali",
        "category": "workshop",
        "time_zone": "Africa/Kigali",
        "start": "2027-03-23T09:00",
        "end": "2027-03-24T16:00",
        "venue_name": "Kigali Convention Centre",
        "city": "Kigali",
        "country": "RW",
        "organiser": "Ministry of ICT and Innovation",
        "text": {
            "en": (
                "Digital health leadership workshop",
                "Nurses and health managers learn to lead telemedicine projects.",
            ),
            "fr": (
                "Atelier de leadership en santé numérique",
                "Des infirmières et des responsables de santé apprennent à piloter des projets de télémédecine.",
            ),
            "es": (
                "Taller de liderazgo en salud digital",
                "Enfermeras y gestoras sanitarias aprenden a dirigir proyectos de telemedicina.",
            ),
            "ru": (
                "Семинар по лидерству в цифровом здравоохранении",
                "Медсестры и руководители здравоохранения учатся руководить проектами телемедицины.",
            ),
            "ar": (
                "ورشة القيادة في الصحة الرقمية",
                "تتعلم الممرضات ومديرات الرعاية الصحية قيادة مشاريع التطبيب عن بُعد.",
            ),
            "zh-hans": ("数字医疗领导力研讨班", "护士和卫生管理人员学习如何领导远程医疗项目。"),
        },
    },
    {
        "slug": "m-government-webinar-asia-pacific",
        "category": "webinar",
        "time_zone": "Asia/Tokyo",
        "start": "2027-01-20T10:00",
        "end": "2027-01-20T11:30",
        "online_url": "https://meet.example.org/m-government",
        "organiser": "Asia-Pacific Telecommunity",
        "text": {
            "en": (
                "m-Government for women entrepreneurs",
                "How mobile public services help women register and run small businesses.",
            ),
            "fr": (
                "L'administration mobile au service des entrepreneuses",
                "Comment les services publics mobiles aident les femmes à créer et gérer de petites entreprises.",
            ),
            "es": (
                "Gobierno móvil para emprendedoras",
                "Cómo los servicios públicos móviles ayudan a las mujeres a registrar y gestionar pequeñas empresas.",
            ),
            "ru": (
                "Мобильное правительство для женщин-предпринимателей",
                "Как мобильные госуслуги помогают женщинам регистрировать и вести малый бизнес.",
            ),
            "ar": (
                "الحكومة المتنقلة لرائدات الأعمال",
                "كيف تساعد الخدمات العامة عبر الهاتف المتنقل النساء على تسجيل المشاريع الصغيرة وإدارتها.",
            ),
            "zh-hans": ("服务女性创业者的移动政务", "移动公共服务如何帮助女性注册和经营小企业。"),
        },
    },
    {
        "slug": "cis-regional-dialogue-almaty",
        "category": "meeting",
        "time_zone": "Asia/Almaty",
        "start": "2027-09-14T10:00",
        "end": "2027-09-14T17:00",
        "venue_name": "Business Centre",
        "city": "Almaty",
        "country": "KZ",
        "organiser": "Regional Commonwealth in the Field of Communications",
        "text": {
            "en": (
                "CIS regional dialogue on women in digital leadership",
                "Leaders from the CIS region discuss digital skills and careers for women.",
            ),
            "fr": (
                "Dialogue régional de la CEI sur les femmes dans le leadership numérique",
                "Des dirigeantes de la région de la CEI débattent des compétences et des carrières numériques des femmes.",
            ),
            "es": (
                "Diálogo regional de la CEI sobre mujeres en el liderazgo digital",
                "Líderes de la región de la CEI debaten sobre competencias y carreras digitales para las mujeres.",
            ),
            "ru": (
                "Региональный диалог СНГ о женщинах в цифровом лидерстве",
                "Руководители из региона СНГ обсуждают цифровые навыки и карьеру женщин.",
            ),
            "ar": (
                "حوار إقليمي لرابطة الدول المستقلة حول المرأة في القيادة الرقمية",
                "تناقش قيادات من منطقة رابطة الدول المستقلة المهارات والمسارات المهنية الرقمية للنساء.",
            ),
            "zh-hans": ("独联体地区女性数字领导力对话", "独联体地区的领导者讨论女性的数字技能与职业发展。"),
        },
    },
    {
        "slug": "hackathon-sao-paulo",
        "category": "workshop",
        "time_zone": "America/Sao_Paulo",
        "start": "2027-08-21T09:00",
        "end": "2027-08-22T18:00",
        "venue_name": "Technology Park",
        "city": "São Paulo",
        "country": "BR",
        "organiser": "National Telecommunications Agency",
        "text": {
            "en": (
                "Hackathon: apps for women's safety online",
                "Teams of young women build tools that make the internet safer.",
            ),
            "fr": (
                "Hackathon : des applications pour la sécurité des femmes en ligne",
                "Des équipes de jeunes femmes créent des outils qui rendent internet plus sûr.",
            ),
            "es": (
                "Hackatón: aplicaciones para la seguridad de las mujeres en línea",
                "Equipos de jóvenes crean herramientas que hacen internet más seguro.",
            ),
            "ru": (
                "Хакатон: приложения для безопасности женщин в интернете",
                "Команды молодых женщин создают инструменты, делающие интернет безопаснее.",
            ),
            "ar": (
                "هاكاثون: تطبيقات لسلامة المرأة على الإنترنت",
                "تبني فرق من الشابات أدوات تجعل الإنترنت أكثر أماناً.",
            ),
            "zh-hans": ("黑客马拉松：保障女性网络安全的应用", "年轻女性团队开发让互联网更安全的工具。"),
        },
    },
]

SECTION = {
    "en": (
        "Events",
        "International Girls in ICT Day, meetings at the Commission on the Status of Women, ITU conferences, webinars and members' events worldwide.",
    ),
    "fr": (
        "Événements",
        "La Journée internationale des jeunes filles dans le secteur des TIC, les réunions de la Commission de la condition de la femme, les conférences de l'UIT, des webinaires et les événements des membres dans le monde entier.",
    ),
    "es": (
        "Eventos",
        "El Día Internacional de las Niñas en las TIC, reuniones en la Comisión de la Condición Jurídica y Social de la Mujer, conferencias de la UIT, seminarios web y eventos de los miembros en todo el mundo.",
    ),
    "ru": (
        "Мероприятия",
        "Международный день «Девушки в ИКТ», встречи в Комиссии по положению женщин, конференции МСЭ, вебинары и мероприятия участниц по всему миру.",
    ),
    "ar": (
        "الفعاليات",
        "اليوم الدولي للفتيات في مجال تكنولوجيا المعلومات والاتصالات، واجتماعات لجنة وضع المرأة، ومؤتمرات الاتحاد الدولي للاتصالات، والندوات عبر الإنترنت، وفعاليات العضوات حول العالم.",
    ),
    "zh-hans": (
        "活动",
        "国际信息通信技术女童日、妇女地位委员会会议、国际电联大会、网络研讨会以及成员在世界各地举办的活动。",
    ),
}
