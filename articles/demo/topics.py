"""The In Focus topics, with their labels in the six UN languages."""

# slug: (en, ar, es, fr, ru, zh-hans)
TOPICS = {
    "e-skills-development": (
        "e-Skills development",
        "تنمية المهارات الرقمية",
        "Desarrollo de competencias digitales",
        "Développement des compétences numériques",
        "Развитие цифровых навыков",
        "数字技能发展",
    ),
    "curriculum-in-schools": (
        "Curriculum in schools",
        "المناهج المدرسية",
        "Planes de estudio escolares",
        "Programmes scolaires",
        "Школьная программа",
        "学校课程",
    ),
    "e-government": (
        "e-Government",
        "الحكومة الإلكترونية",
        "Gobierno electrónico",
        "Administration en ligne",
        "Электронное правительство",
        "电子政务",
    ),
    "e-health": (
        "e-Health",
        "الصحة الإلكترونية",
        "Salud electrónica",
        "Cybersanté",
        "Электронное здравоохранение",
        "电子医疗",
    ),
    "e-payments": (
        "e-Payments",
        "المدفوعات الإلكترونية",
        "Pagos electrónicos",
        "Paiements électroniques",
        "Электронные платежи",
        "电子支付",
    ),
    "e-culture": (
        "e-Culture",
        "الثقافة الرقمية",
        "Cultura digital",
        "Culture numérique",
        "Цифровая культура",
        "数字文化",
    ),
    "m-government": (
        "m-Government",
        "الحكومة المتنقلة",
        "Gobierno móvil",
        "Administration mobile",
        "Мобильное правительство",
        "移动政务",
    ),
    "m-payment": (
        "m-Payment",
        "الدفع عبر الهاتف المتنقل",
        "Pago móvil",
        "Paiement mobile",
        "Мобильные платежи",
        "移动支付",
    ),
    "policy": ("Policy", "السياسات", "Políticas", "Politiques", "Политика", "政策"),
    "technology-development": (
        "Technology development",
        "تطوير التكنولوجيا",
        "Desarrollo tecnológico",
        "Développement technologique",
        "Развитие технологий",
        "技术发展",
    ),
    "telecommunication-market-development": (
        "Telecommunication market development",
        "تطوير سوق الاتصالات",
        "Desarrollo del mercado de telecomunicaciones",
        "Développement du marché des télécommunications",
        "Развитие рынка электросвязи",
        "电信市场发展",
    ),
}

LANGUAGE_ORDER = ["en", "ar", "es", "fr", "ru", "zh-hans"]
