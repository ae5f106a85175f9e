"""Title and introduction of the In Focus index page in six languages."""

SECTION = {
    "en": (
        "In Focus",
        "Articles by and about women who lead in ICT: skills, policy, services and markets that shape the digital economy.",
    ),
    "fr": (
        "Gros plan",
        "Des articles écrits par et sur des femmes qui dirigent dans les TIC : compétences, politiques, services et marchés qui façonnent l'économie numérique.",
    ),
    "es": (
        "En el punto de mira",
        "Artículos escritos por y sobre mujeres que lideran en las TIC: competencias, políticas, servicios y mercados que dan forma a la economía digital.",
    ),
    "ru": (
        "В фокусе",
        "Статьи женщин-лидеров в сфере ИКТ и о них: навыки, политика, услуги и рынки, которые формируют цифровую экономику.",
    ),
    "ar": (
        "في دائرة الضوء",
        "مقالات بقلم النساء الرائدات في مجال تكنولوجيا المعلومات والاتصالات وعنهن: المهارات والسياسات والخدمات والأسواق التي تشكّل الاقتصاد الرقمي.",
    ),
    "zh-hans": ("聚焦", "由信息通信技术领域女性领导者撰写或关于她们的文章：塑造数字经济的技能、政策、服务和市场。"),
}
