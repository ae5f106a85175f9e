"""
Demo content for the home and About pages, in the six UN languages. The
English text is the source; each other language mirrors its structure.
"""

HOME = {
    "en": {
        "title": "Home",
        "hero_title": "Women leading in ICT",
        "hero_text": (
            "A global network of women decision makers in information and communication "
            "technologies, set up under ITU Resolution 70."
        ),
        "hero_link_label": "About the Network",
        "goals_heading": "Our goals",
        "goals": [
            (
                "Gender equality and the empowerment of women through ICT",
                "Use information and communication technologies to advance gender equality "
                "and the empowerment of women.",
            ),
            (
                "Awareness for women and girls",
                "Raise awareness among women and girls of the opportunities of ICT, and encourage "
                "them to use ICT and pursue careers in the sector.",
            ),
            (
                "A supportive environment",
                "Build an environment in which women and girls can choose ICT as a means of "
                "empowerment and as a career.",
            ),
        ],
    },
    "fr": {
        "title": "Accueil",
        "hero_title": "Les femmes aux commandes des TIC",
        "hero_text": (
            "Un réseau mondial de femmes décideurs dans les technologies de l'information et de "
            "la communication, créé en application de la Résolution 70 de l'UIT."
        ),
        "hero_link_label": "À propos du Réseau",
        "goals_heading": "Nos objectifs",
        "goals": [
            (
                "L'égalité des genres et l'autonomisation des femmes grâce aux TIC",
                "Mettre les technologies de l'information et de la communication au service de "
                "l'égalité des genres et de l'autonomisation des femmes.",
            ),
            (
                "Sensibiliser les femmes et les filles",
                "Faire connaître aux femmes et aux filles les possibilités offertes par les TIC et "
                "les encourager à utiliser les TIC et à y faire carrière.",
            ),
            (
                "Un environnement favorable",
                "Créer un environnement dans lequel les femmes et les filles peuvent choisir les TIC "
                "comme moyen d'autonomisation et comme carrière.",
            ),
        ],
    },
    "es": {
        "title": "Inicio",
        "hero_title": "Mujeres que lideran en las TIC",
        "hero_text": (
            "Una red mundial de mujeres responsables de la toma de decisiones en las tecnologías "
            "de la información y la comunicación, creada en virtud de la Resolución 70 de la UIT."
        ),
        "hero_link_label": "Acerca de la Red",
        "goals_heading": "Nuestros objetivos",
        "goals": [
            (
                "Igualdad de género y empoderamiento de la mujer mediante las TIC",
                "Utilizar las tecnologías de la información y la comunicación para promover la "
                "igualdad de género y el empoderamiento de la mujer.",
            ),
            (
                "Sensibilizar a mujeres y niñas",
                "Dar a conocer a las mujeres y las niñas las oportunidades que ofrecen las TIC y "
                "animarlas a utilizarlas y a desarrollar una carrera en el sector.",
            ),
            (
                "Un entorno propicio",
                "Crear un entorno en el que las mujeres y las niñas puedan elegir las TIC como medio "
                "de empoderamiento y como carrera profesional.",
            ),
        ],
    },
    "ru": {
        "title": "Главная",
        "hero_title": "Женщины — лидеры в сфере ИКТ",
        "hero_text": (
            "Глобальная сеть женщин, принимающих решения в области информационно-коммуникационных "
            "технологий, созданная в соответствии с Резолюцией 70 МСЭ."
        ),
        "hero_link_label": "О Сети",
        "goals_heading": "Наши цели",
        "goals": [
            (
                "Гендерное равенство и расширение прав и возможностей женщин с помощью ИКТ",
                "Использовать информационно-коммуникационные технологии для достижения гендерного "
                "равенства и расширения прав и возможностей женщин.",
            ),
            (
                "Информирование женщин и девочек",
                "Рассказывать женщинам и девочкам о возможностях ИКТ и поощрять их использовать ИКТ "
                "и строить карьеру в этой отрасли.",
            ),
            (
                "Благоприятная среда",
                "Создавать среду, в которой женщины и девочки могут выбирать ИКТ как средство "
                "расширения своих возможностей и как профессию.",
            ),
        ],
    },
    "ar": {
        "title": "الرئيسية",
        "hero_title": "نساء رائدات في مجال تكنولوجيا المعلومات والاتصالات",
        "hero_text": (
            "شبكة عالمية للنساء صانعات القرار في مجال تكنولوجيا المعلومات والاتصالات، "
            "أُنشئت بموجب القرار 70 للاتحاد الدولي للاتصالات."
        ),
        "hero_link_label": "عن الشبكة",
        "goals_heading": "أهدافنا",
        "goals": [
            (
                "المساواة بين الجنسين وتمكين المرأة من خلال تكنولوجيا المعلومات والاتصالات",
                "تسخير تكنولوجيا المعلومات والاتصالات لتعزيز المساواة بين الجنسين وتمكين المرأة.",
            ),
            (
                "توعية النساء والفتيات",
                "توعية النساء والفتيات بالفرص التي تتيحها تكنولوجيا المعلومات والاتصالات "
                "وتشجيعهن على استخدامها والعمل في هذا القطاع.",
            ),
            (
                "بيئة داعمة",
                "تهيئة بيئة تتيح للنساء والفتيات اختيار تكنولوجيا المعلومات والاتصالات وسيلةً للتمكين ومساراً مهنياً.",
            ),
        ],
    },
    "zh-hans": {
        "title": "首页",
        "hero_title": "引领信息通信技术的女性",
        "hero_text": "依据国际电联第70号决议成立的信息通信技术领域女性决策者全球网络。",
        "hero_link_label": "关于本网络",
        "goals_heading": "我们的目标",
        "goals": [
            (
                "通过信息通信技术实现性别平等和增强妇女权能",
                "利用信息通信技术推动性别平等和增强妇女权能。",
            ),
            (
                "提高妇女和女童的认识",
                "让妇女和女童了解信息通信技术带来的机遇，鼓励她们使用信息通信技术并在该领域发展职业。",
            ),
            (
                "营造支持性环境",
                "营造一个让妇女和女童能够选择信息通信技术作为赋权手段和职业道路的环境。",
            ),
        ],
    },
}

# Body: ("h", heading) or ("p", paragraph).
ABOUT = {
    "en": {
        "title": "About the Network",
        "intro": (
            "The Global Network of Women ICT Decision Makers brings together women who lead in "
            "information and communication technologies — in government, regulators, academia, "
            "international organisations and industry."
        ),
        "body": [
            ("h", "Our story"),
            (
                "p",
                "The Network was set up under Resolution 70 of the ITU Plenipotentiary Conference held "
                "in Guadalajara, Mexico, in 2010 (PP-10), which called for gender equality and the "
                "empowerment of women through ICT.",
            ),
            (
                "p",
                "It was launched on 25 February 2011 in New York, during the 55th session of the "
                "Commission on the Status of Women (CSW).",
            ),
            ("h", "What we do"),
            (
                "p",
                "Members share experience and good practice, mentor the next generation of women "
                "leaders, and speak up for policies that open the digital economy to women and girls.",
            ),
            (
                "p",
                "Each year the Network promotes International Girls in ICT Day, celebrated on the fourth "
                "Thursday of April, which encourages girls and young women to study and pursue careers "
                "in ICT.",
            ),
            ("h", "Our partners"),
            (
                "p",
                "The Network works alongside UN Women and contributes to the Millennium Development "
                "Goals, in particular the goal of promoting gender equality and empowering women.",
            ),
        ],
        "join_title": "Join the Network",
        "join_text": (
            "Are you a woman decision maker in ICT? Apply to join the Network and connect with peers around the world."
        ),
        "join_link_label": "Apply to join",
    },
    "fr": {
        "title": "À propos du Réseau",
        "intro": (
            "Le Réseau mondial des femmes décideurs dans le domaine des TIC rassemble des femmes qui "
            "dirigent dans les technologies de l'information et de la communication — au sein des "
            "gouvernements, des régulateurs, du monde universitaire, des organisations internationales "
            "et de l'industrie."
        ),
        "body": [
            ("h", "Notre histoire"),
            (
                "p",
                "Le Réseau a été créé en application de la Résolution 70 de la Conférence de "
                "plénipotentiaires de l'UIT tenue à Guadalajara (Mexique) en 2010 (PP-10), qui appelait "
                "à l'égalité des genres et à l'autonomisation des femmes grâce aux TIC.",
            ),
            (
                "p",
                "Il a été lancé le 25 février 2011 à New York, lors de la 55e session de la Commission "
                "de la condition de la femme (CSW).",
            ),
            ("h", "Ce que nous faisons"),
            (
                "p",
                "Ses membres partagent leur expérience et leurs bonnes pratiques, accompagnent la "
                "prochaine génération de femmes dirigeantes et défendent des politiques qui ouvrent "
                "l'économie numérique aux femmes et aux filles.",
            ),
            (
                "p",
                "Chaque année, le Réseau promeut la Journée internationale des jeunes filles dans le "
                "secteur des TIC, célébrée le quatrième jeudi d'avril, qui encourage les filles et les "
                "jeunes femmes à étudier les TIC et à y faire carrière.",
            ),
            ("h", "Nos partenaires"),
            (
                "p",
                "Le Réseau travaille aux côtés d'ONU Femmes et contribue aux objectifs du Millénaire "
                "pour le développement, en particulier à l'objectif de promouvoir l'égalité des sexes "
                "et l'autonomisation des femmes.",
            ),
        ],
        "join_title": "Rejoindre le Réseau",
        "join_text": (
            "Vous êtes une femme décideur dans le domaine des TIC ? Posez votre candidature pour "
            "rejoindre le Réseau et échanger avec vos pairs du monde entier."
        ),
        "join_link_label": "Poser sa candidature",
    },
    "es": {
        "title": "Acerca de la Red",
        "intro": (
            "La Red Mundial de Mujeres Responsables de la Toma de Decisiones en las TIC reúne a "
            "mujeres que lideran en las tecnologías de la información y la comunicación: en gobiernos, "
            "organismos reguladores, el mundo académico, organizaciones internacionales y la industria."
        ),
        "body": [
            ("h", "Nuestra historia"),
            (
                "p",
                "La Red se creó en virtud de la Resolución 70 de la Conferencia de Plenipotenciarios de "
                "la UIT celebrada en Guadalajara (México) en 2010 (PP-10), que pidió la igualdad de "
                "género y el empoderamiento de la mujer mediante las TIC.",
            ),
            (
                "p",
                "Se presentó el 25 de febrero de 2011 en Nueva York, durante el 55.º período de "
                "sesiones de la Comisión de la Condición Jurídica y Social de la Mujer (CSW).",
            ),
            ("h", "Lo que hacemos"),
            (
                "p",
                "Sus miembros comparten experiencias y buenas prácticas, orientan a la próxima "
                "generación de mujeres líderes y defienden políticas que abran la economía digital a "
                "las mujeres y las niñas.",
            ),
            (
                "p",
                "Cada año, la Red promueve el Día Internacional de las Niñas en las TIC, que se celebra "
                "el cuarto jueves de abril y anima a las niñas y las jóvenes a estudiar y a desarrollar "
                "carreras en las TIC.",
            ),
            ("h", "Nuestros socios"),
            (
                "p",
                "La Red trabaja junto a ONU Mujeres y contribuye a los Objetivos de Desarrollo del "
                "Milenio, en particular al objetivo de promover la igualdad de género y el "
                "empoderamiento de la mujer.",
            ),
        ],
        "join_title": "Únase a la Red",
        "join_text": (
            "¿Es usted una mujer con responsabilidad de decisión en las TIC? Solicite unirse a la Red "
            "y conecte con colegas de todo el mundo."
        ),
        "join_link_label": "Solicitar la adhesión",
    },
    "ru": {
        "title": "О Сети",
        "intro": (
            "Глобальная сеть женщин, принимающих решения в области ИКТ, объединяет женщин-руководителей "
            "в сфере информационно-коммуникационных технологий — в правительствах, регуляторных "
            "органах, академических кругах, международных организациях и промышленности."
        ),
        "body": [
            ("h", "Наша история"),
            (
                "p",
                "Сеть была создана в соответствии с Резолюцией 70 Полномочной конференции МСЭ, "
                "состоявшейся в Гвадалахаре (Мексика) в 2010 году (ПК-10), которая призвала к "
                "гендерному равенству и расширению прав и возможностей женщин с помощью ИКТ.",
            ),
            (
                "p",
                "Она была учреждена 25 февраля 2011 года в Нью-Йорке в ходе 55-й сессии Комиссии по "
                "положению женщин (КПЖ).",
            ),
            ("h", "Чем мы занимаемся"),
            (
                "p",
                "Участницы Сети обмениваются опытом и передовой практикой, наставляют следующее "
                "поколение женщин-лидеров и выступают за политику, открывающую цифровую экономику для "
                "женщин и девочек.",
            ),
            (
                "p",
                "Ежегодно Сеть продвигает Международный день «Девушки в ИКТ», который отмечается в "
                "четвертый четверг апреля и побуждает девочек и молодых женщин изучать ИКТ и строить "
                "карьеру в этой сфере.",
            ),
            ("h", "Наши партнеры"),
            (
                "p",
                "Сеть работает совместно со структурой «ООН-женщины» и вносит вклад в достижение Целей "
                "развития тысячелетия, в частности цели поощрения равенства мужчин и женщин и "
                "расширения прав и возможностей женщин.",
            ),
        ],
        "join_title": "Вступить в Сеть",
        "join_text": (
            "Вы женщина, принимающая решения в сфере ИКТ? Подайте заявку на вступление в Сеть и "
            "общайтесь с коллегами по всему миру."
        ),
        "join_link_label": "Подать заявку",
    },
    "ar": {
        "title": "عن الشبكة",
        "intro": (
            "تجمع الشبكة العالمية للنساء صانعات القرار في مجال تكنولوجيا المعلومات والاتصالات نساءً "
            "يتولين مواقع قيادية في هذا المجال، في الحكومات والهيئات التنظيمية والأوساط الأكاديمية "
            "والمنظمات الدولية والقطاع الخاص."
        ),
        "body": [
            ("h", "قصتنا"),
            (
                "p",
                "أُنشئت الشبكة بموجب القرار 70 لمؤتمر المندوبين المفوضين للاتحاد الدولي للاتصالات الذي "
                "عُقد في غوادالاخارا بالمكسيك عام 2010، والذي دعا إلى المساواة بين الجنسين وتمكين المرأة "
                "من خلال تكنولوجيا المعلومات والاتصالات.",
            ),
            (
                "p",
                "وأُطلقت الشبكة في 25 فبراير 2011 في نيويورك، خلال الدورة الخامسة والخمسين للجنة وضع المرأة.",
            ),
            ("h", "ما نقوم به"),
            (
                "p",
                "تتبادل عضوات الشبكة الخبرات والممارسات الجيدة، ويرشدن الجيل القادم من القيادات النسائية، "
                "ويدافعن عن سياسات تفتح الاقتصاد الرقمي أمام النساء والفتيات.",
            ),
            (
                "p",
                "وفي كل عام، تروّج الشبكة لليوم الدولي للفتيات في مجال تكنولوجيا المعلومات والاتصالات، "
                "الذي يُحتفل به في يوم الخميس الرابع من شهر أبريل، ويشجع الفتيات والشابات على دراسة "
                "تكنولوجيا المعلومات والاتصالات والعمل في مجالها.",
            ),
            ("h", "شركاؤنا"),
            (
                "p",
                "تعمل الشبكة جنباً إلى جنب مع هيئة الأمم المتحدة للمرأة، وتسهم في تحقيق الأهداف الإنمائية "
                "للألفية، ولا سيما هدف تعزيز المساواة بين الجنسين وتمكين المرأة.",
            ),
        ],
        "join_title": "انضمي إلى الشبكة",
        "join_text": (
            "هل أنتِ من صانعات القرار في مجال تكنولوجيا المعلومات والاتصالات؟ قدّمي طلب الانضمام إلى "
            "الشبكة وتواصلي مع نظيراتك حول العالم."
        ),
        "join_link_label": "قدّمي طلب الانضمام",
    },
    "zh-hans": {
        "title": "关于本网络",
        "intro": (
            "信息通信技术女性决策者全球网络汇聚了在信息通信技术领域担任领导职务的女性，"
            "她们来自政府、监管机构、学术界、国际组织和产业界。"
        ),
        "body": [
            ("h", "我们的历程"),
            (
                "p",
                "本网络依据2010年在墨西哥瓜达拉哈拉举行的国际电联全权代表大会（PP-10）第70号决议成立，"
                "该决议呼吁通过信息通信技术实现性别平等和增强妇女权能。",
            ),
            ("p", "本网络于2011年2月25日在纽约举行的妇女地位委员会第五十五届会议期间正式启动。"),
            ("h", "我们的工作"),
            ("p", "网络成员分享经验和良好做法，指导新一代女性领导者，并倡导向妇女和女童开放数字经济的政策。"),
            (
                "p",
                "本网络每年推广在四月第四个星期四举办的国际信息通信技术女童日，"
                "鼓励女童和年轻女性学习信息通信技术并在该领域发展职业。",
            ),
            ("h", "我们的合作伙伴"),
            (
                "p",
                "本网络与联合国妇女署携手合作，为实现千年发展目标作出贡献，特别是促进性别平等和增强妇女权能的目标。",
            ),
        ],
        "join_title": "加入本网络",
        "join_text": "您是信息通信技术领域的女性决策者吗？申请加入本网络，与世界各地的同行建立联系。",
        "join_link_label": "申请加入",
    },
}

FOOTER = {
    "en": (
        "The Global Network of Women ICT Decision Makers links women leaders in ICT worldwide and "
        "promotes International Girls in ICT Day."
    ),
    "fr": (
        "Le Réseau mondial des femmes décideurs dans le domaine des TIC relie les femmes dirigeantes "
        "des TIC du monde entier et promeut la Journée internationale des jeunes filles dans le "
        "secteur des TIC."
    ),
    "es": (
        "La Red Mundial de Mujeres Responsables de la Toma de Decisiones en las TIC conecta a mujeres "
        "líderes de las TIC de todo el mundo y promueve el Día Internacional de las Niñas en las TIC."
    ),
    "ru": (
        "Глобальная сеть женщин, принимающих решения в области ИКТ, объединяет женщин-лидеров в сфере "
        "ИКТ по всему миру и продвигает Международный день «Девушки в ИКТ»."
    ),
    "ar": (
        "تربط الشبكة العالمية للنساء صانعات القرار في مجال تكنولوجيا المعلومات والاتصالات بين القيادات "
        "النسائية في هذا المجال حول العالم، وتروّج لليوم الدولي للفتيات في مجال تكنولوجيا المعلومات والاتصالات."
    ),
    "zh-hans": "信息通信技术女性决策者全球网络联系全球信息通信技术领域的女性领导者，并推广国际信息通信技术女童日。",
}

# The buttons under the home page's hero: the page they open (by the slugs
# of its path under the home page), a view of it, and their label.
HERO_ACTIONS = [
    {
        "slugs": ["members"],
        "path": "join/",
        "label": {
            "en": "Join the Network",
            "fr": "Rejoindre le Réseau",
            "es": "Únase a la Red",
            "ru": "Вступить в Сеть",
            "ar": "انضمي إلى الشبكة",
            "zh-hans": "加入网络",
        },
    },
    {
        "slugs": ["in-focus"],
        "path": "submit/",
        "label": {
            "en": "Submit an article",
            "fr": "Proposer un article",
            "es": "Envíe un artículo",
            "ru": "Предложить статью",
            "ar": "أرسلي مقالًا",
            "zh-hans": "投稿文章",
        },
    },
    {
        "slugs": ["events", "international-girls-in-ict-day"],
        "path": "",
        "label": {
            "en": "Girls in ICT Day",
            "fr": "Journée des filles dans le secteur des TIC",
            "es": "Día de las Niñas en las TIC",
            "ru": "День «Девушки в ИКТ»",
            "ar": "يوم الفتيات في مجال تكنولوجيا المعلومات والاتصالات",
            "zh-hans": "信息通信技术女童日",
        },
    },
]

# A standard page under About: how the Network treats personal data.
PRIVACY = {
    "en": {
        "title": "Privacy notice",
        "intro": "What the Network keeps about members, applicants and readers, and why.",
        "body": [
            ("h", "Members and applicants"),
            (
                "p",
                "The secretariat keeps what you send when you apply to join and, once you are a member, your "
                "profile. Nothing on your profile is public until you choose to make it so, and you can ask for "
                "a copy of your data or for it to be erased at any time.",
            ),
            ("h", "Readers"),
            (
                "p",
                "The site sets no advertising or tracking cookies and loads nothing from other websites. If you "
                "submit an article, your email address is used only to contact you about it.",
            ),
        ],
    },
    "fr": {
        "title": "Politique de confidentialité",
        "intro": "Ce que le Réseau conserve sur ses membres, les candidates et les lecteurs, et pourquoi.",
        "body": [
            ("h", "Membres et candidates"),
            (
                "p",
                "Le secrétariat conserve ce que vous envoyez lorsque vous demandez à adhérer et, une fois membre, "
                "votre profil. Rien de votre profil n'est public tant que vous ne l'avez pas choisi, et vous "
                "pouvez à tout moment demander une copie de vos données ou leur effacement.",
            ),
            ("h", "Lecteurs"),
            (
                "p",
                "Le site ne dépose aucun cookie publicitaire ou de suivi et ne charge rien depuis d'autres sites. "
                "Si vous proposez un article, votre adresse électronique sert uniquement à vous contacter à son "
                "sujet.",
            ),
        ],
    },
    "es": {
        "title": "Aviso de privacidad",
        "intro": "Lo que la Red guarda sobre sus miembros, las solicitantes y los lectores, y por qué.",
        "body": [
            ("h", "Miembros y solicitantes"),
            (
                "p",
                "La secretaría guarda lo que usted envía al solicitar su adhesión y, una vez que es miembro, su "
                "perfil. Nada de su perfil es público hasta que usted lo decida, y puede pedir en cualquier "
                "momento una copia de sus datos o que se borren.",
            ),
            ("h", "Lectores"),
            (
                "p",
                "El sitio no instala cookies publicitarias ni de seguimiento y no carga nada de otros sitios web. "
                "Si envía un artículo, su dirección de correo electrónico solo se usa para contactarle sobre él.",
            ),
        ],
    },
    "ru": {
        "title": "Политика конфиденциальности",
        "intro": "Какие сведения об участницах, кандидатках и читателях хранит Сеть и зачем.",
        "body": [
            ("h", "Участницы и кандидатки"),
            (
                "p",
                "Секретариат хранит то, что вы присылаете в заявке на вступление, а после вступления — ваш "
                "профиль. Ничто в профиле не становится публичным, пока вы сами этого не решите, и вы в любой "
                "момент можете запросить копию своих данных или их удаление.",
            ),
            ("h", "Читатели"),
            (
                "p",
                "Сайт не использует рекламные и отслеживающие файлы cookie и ничего не загружает с других сайтов. "
                "Если вы присылаете статью, ваш адрес электронной почты используется только для связи с вами "
                "по её поводу.",
            ),
        ],
    },
    "ar": {
        "title": "إشعار الخصوصية",
        "intro": "ما تحتفظ به الشبكة عن العضوات والمتقدمات والقراء، ولماذا.",
        "body": [
            ("h", "العضوات والمتقدمات"),
            (
                "p",
                "تحتفظ الأمانة بما ترسلينه عند التقدم بطلب الانضمام، وبملفك الشخصي بعد أن تصبحي عضوة. ولا يُنشر "
                "أي شيء من ملفك الشخصي ما لم تختاري ذلك، ويمكنك في أي وقت طلب نسخة من بياناتك أو محوها.",
            ),
            ("h", "القراء"),
            (
                "p",
                "لا يضع الموقع ملفات تعريف ارتباط إعلانية أو للتتبع، ولا يحمّل أي شيء من مواقع أخرى. وإذا أرسلت "
                "مقالًا، فلا يُستخدم عنوان بريدك الإلكتروني إلا للتواصل معك بشأنه.",
            ),
        ],
    },
    "zh-hans": {
        "title": "隐私声明",
        "intro": "网络保存哪些关于成员、申请人和读者的信息，以及原因。",
        "body": [
            ("h", "成员和申请人"),
            (
                "p",
                "秘书处保存您申请加入时提交的信息，以及您成为成员后的个人资料。在您选择公开之前，资料中的任何内容"
                "都不会公开；您可以随时索取您的数据副本或要求删除。",
            ),
            ("h", "读者"),
            (
                "p",
                "本网站不设置广告或跟踪 Cookie，也不从其他网站加载任何内容。如果您投稿，您的电子邮件地址仅用于就"
                "该文章与您联系。",
            ),
        ],
    },
}

# Footer links: the privacy notice (a page here) and the Network's pages at ITU.
# A label left out of a page link falls back to the page's title.
FOOTER_LINKS = [
    {"page": "privacy", "label": {}},
    {
        "url": "https://www.itu.int/en/about/Pages/contact.aspx",
        "label": {
            "en": "Contact",
            "ar": "اتصل بنا",
            "es": "Contacto",
            "fr": "Contact",
            "ru": "Контакты",
            "zh-hans": "联系我们",
        },
    },
    {
        "url": "https://www.itu.int/women-and-girls/girls-in-ict/",
        "label": {
            "en": "Girls in ICT Day at ITU",
            "ar": "يوم الفتيات في مجال تكنولوجيا المعلومات والاتصالات في الاتحاد",
            "es": "Día de las Niñas en las TIC en la UIT",
            "fr": "Journée des jeunes filles dans le secteur des TIC à l'UIT",
            "ru": "День девушек в ИКТ в МСЭ",
            "zh-hans": "国际电联“信息通信技术女孩日”",
        },
    },
    {
        "url": "https://www.itu.int/",
        "label": {
            "en": "ITU",
            "ar": "الاتحاد الدولي للاتصالات",
            "es": "UIT",
            "fr": "UIT",
            "ru": "МСЭ",
            "zh-hans": "国际电联",
        },
    },
    {
        "url": "https://x.com/ITU",
        "label": {
            "en": "ITU on X",
            "ar": "الاتحاد على X",
            "es": "La UIT en X",
            "fr": "L'UIT sur X",
            "ru": "МСЭ в X",
            "zh-hans": "国际电联 X 账号",
        },
    },
]
