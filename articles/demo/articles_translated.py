"""Translations of the first four demo articles, keyed by slug then language."""

TRANSLATIONS = {
    "coding-clubs-for-girls": {
        "fr": {
            "title": "Des clubs de programmation qui retiennent les filles dans les TIC",
            "intro": "Des clubs de programmation périscolaires animés par des ingénieures doublent le nombre de filles qui choisissent l'informatique au lycée.",
            "body": [
                "Lorsqu'un district a mis en place des clubs de programmation hebdomadaires animés par des ingénieures, la proportion de filles choisissant l'informatique comme matière d'examen est passée d'une sur dix à une sur quatre en trois ans.",
                "Les clubs fonctionnent parce qu'ils sont conviviaux. Les filles créent des jeux et des sites web en binôme, présentent leur travail à leur famille et rencontrent des femmes dont le métier est d'écrire des logiciels. Selon les enseignants, les modèles comptent autant que les cours.",
                "Le ministère prévoit désormais d'intégrer ces clubs au programme national, avec une formation pour les enseignants et un petit budget pour des ordinateurs portables dans chaque école participante.",
            ],
            "roles": ["Directrice des compétences numériques, ministère de l'Éducation"],
        },
        "es": {
            "title": "Clubes de programación que mantienen a las niñas en las TIC",
            "intro": "Los clubes extraescolares de programación dirigidos por ingenieras están duplicando el número de niñas que eligen informática en secundaria.",
            "body": [
                "Cuando un distrito puso en marcha clubes semanales de programación dirigidos por ingenieras, la proporción de niñas que eligieron informática como asignatura de examen pasó de una de cada diez a una de cada cuatro en tres años.",
                "Los clubes funcionan porque son sociales. Las niñas crean juegos y sitios web en parejas, presentan su trabajo a sus familias y conocen a mujeres que se ganan la vida escribiendo software. Según el profesorado, los referentes importan tanto como las clases.",
                "El ministerio prevé ahora incorporar los clubes al plan de estudios nacional, con formación para el profesorado y un pequeño presupuesto para ordenadores portátiles en cada escuela que se sume.",
            ],
            "roles": ["Directora de Competencias Digitales, Ministerio de Educación"],
        },
        "ru": {
            "title": "Кружки программирования, которые удерживают девочек в ИКТ",
            "intro": "Внешкольные кружки программирования, которые ведут женщины-инженеры, вдвое увеличивают число девочек, выбирающих информатику в старшей школе.",
            "body": [
                "Когда в одном районе ввели еженедельные кружки программирования под руководством женщин-инженеров, доля девочек, выбравших информатику в качестве экзаменационного предмета, за три года выросла с одной из десяти до одной из четырех.",
                "Кружки работают, потому что в них интересно общаться. Девочки в парах создают игры и сайты, показывают свою работу семьям и знакомятся с женщинами, для которых разработка программ — профессия. Учителя говорят, что пример для подражания важен не меньше, чем сами занятия.",
                "Министерство планирует включить кружки в национальную программу, организовав обучение учителей и выделив небольшой бюджет на ноутбуки для каждой участвующей школы.",
            ],
            "roles": ["Директор по цифровым навыкам, Министерство образования"],
        },
        "ar": {
            "title": "نوادي البرمجة التي تُبقي الفتيات في مجال تكنولوجيا المعلومات والاتصالات",
            "intro": "تُضاعف نوادي البرمجة التي تديرها مهندسات بعد الدوام المدرسي عدد الفتيات اللواتي يخترن علوم الحاسوب في المرحلة الثانوية.",
            "body": [
                "عندما أطلقت إحدى المناطق نوادي برمجة أسبوعية تديرها مهندسات، ارتفعت نسبة الفتيات اللواتي اخترن علوم الحاسوب مادةً للامتحان من واحدة من كل عشر إلى واحدة من كل أربع خلال ثلاث سنوات.",
                "تنجح هذه النوادي لأنها اجتماعية. تصمم الفتيات الألعاب والمواقع الإلكترونية في ثنائيات، ويعرضن أعمالهن على أسرهن، ويلتقين بنساء يكسبن رزقهن من كتابة البرمجيات. ويقول المعلمون إن القدوة لا تقل أهمية عن الدروس.",
                "وتعتزم الوزارة الآن إدراج هذه النوادي في المنهج الوطني، مع تدريب المعلمين وتخصيص ميزانية صغيرة للحواسيب المحمولة في كل مدرسة مشاركة.",
            ],
            "roles": ["مديرة المهارات الرقمية، وزارة التربية والتعليم"],
        },
        "zh-hans": {
            "title": "让女童留在信息通信技术领域的编程俱乐部",
            "intro": "由女工程师主持的课后编程俱乐部使中学阶段选择计算机课程的女童人数翻了一番。",
            "body": [
                "某地区推出由女工程师主持的每周编程俱乐部后，三年内选择计算机作为考试科目的女童比例从十分之一上升到四分之一。",
                "俱乐部之所以有效，是因为它富有社交性。女童两人一组制作游戏和网站，向家人展示作品，并结识以编写软件为职业的女性。教师们说，榜样的作用与课程本身同样重要。",
                "教育部现计划将俱乐部纳入国家课程，为教师提供培训，并为每所参与学校提供购置笔记本电脑的少量预算。",
            ],
            "roles": ["教育部数字技能司司长"],
        },
    },
    "mobile-money-for-market-traders": {
        "fr": {
            "title": "L'argent mobile rend les commerçantes maîtresses de leurs revenus",
            "intro": "Les femmes qui vendent sur les marchés utilisent des portefeuilles mobiles pour épargner, emprunter et payer leurs fournisseurs sans transporter d'espèces.",
            "body": [
                "Pour de nombreuses commerçantes, l'argent liquide est un risque : il peut être perdu, volé ou réclamé par d'autres. Un portefeuille mobile leur permet de mettre de l'argent de côté chaque jour et de savoir exactement ce qu'elles ont gagné.",
                "Une enquête auprès de deux mille commerçantes montre que celles qui utilisent l'argent mobile épargnent trois fois plus que les autres et ont deux fois plus de chances d'obtenir un petit prêt pour développer leur stock.",
                "Les régulateurs peuvent aider en maintenant des frais de transaction bas, en autorisant des vérifications d'identité simplifiées pour les petits comptes et en veillant à la présence d'agents sur les marchés ruraux.",
            ],
            "roles": ["Responsable de l'inclusion financière, Banque centrale"],
        },
        "es": {
            "title": "El dinero móvil da a las comerciantes el control de sus ingresos",
            "intro": "Las mujeres que venden en los mercados usan billeteras móviles para ahorrar, pedir préstamos y pagar a sus proveedores sin llevar efectivo.",
            "body": [
                "Para muchas comerciantes, el efectivo es un riesgo: puede perderse, ser robado o reclamado por otros. Una billetera móvil les permite apartar dinero cada día y saber exactamente cuánto han ganado.",
                "Una encuesta a dos mil comerciantes reveló que quienes usan dinero móvil ahorran tres veces más que quienes no lo usan y tienen el doble de probabilidades de obtener un pequeño préstamo para ampliar sus existencias.",
                "Los reguladores pueden ayudar manteniendo bajas las comisiones, permitiendo verificaciones de identidad sencillas para cuentas pequeñas y garantizando que haya agentes en los mercados rurales.",
            ],
            "roles": ["Jefa de Inclusión Financiera, Banco Central"],
        },
        "ru": {
            "title": "Мобильные деньги дают торговкам контроль над своим доходом",
            "intro": "Женщины, торгующие на рынках, используют мобильные кошельки, чтобы копить, брать займы и платить поставщикам без наличных.",
            "body": [
                "Для многих торговок наличные — это риск: их можно потерять, у них их могут украсть или отобрать. Мобильный кошелек позволяет каждый день откладывать деньги и точно знать, сколько заработано.",
                "Опрос двух тысяч торговок показал, что пользующиеся мобильными деньгами откладывают в три раза больше остальных и вдвое чаще получают небольшой заем на расширение товарного запаса.",
                "Регуляторы могут помочь, удерживая низкие комиссии, разрешая упрощенную проверку личности для небольших счетов и обеспечивая наличие агентов на сельских рынках.",
            ],
            "roles": ["Руководитель направления финансовой доступности, Центральный банк"],
        },
        "ar": {
            "title": "المال المتنقل يمنح التاجرات السيطرة على دخلهن",
            "intro": "تستخدم النساء اللواتي يتاجرن في الأسواق المفتوحة المحافظ المتنقلة للادخار والاقتراض والدفع للموردين دون حمل النقود.",
            "body": [
                "بالنسبة لكثير من التاجرات، النقد مصدر خطر: فقد يضيع أو يُسرق أو يطالب به الآخرون. وتتيح لهن المحفظة المتنقلة ادخار المال كل يوم ومعرفة ما كسبنه بدقة.",
                "وجد استطلاع شمل ألفي تاجرة أن اللواتي يستخدمن المال المتنقل يدخرن ثلاثة أضعاف غيرهن، وأن احتمال حصولهن على قرض صغير لتوسيع بضاعتهن يبلغ الضعف.",
                "ويمكن للهيئات التنظيمية أن تساعد بإبقاء رسوم المعاملات منخفضة، والسماح بإجراءات مبسطة للتحقق من الهوية للحسابات الصغيرة، وضمان توفر الوكلاء في الأسواق الريفية.",
            ],
            "roles": ["رئيسة قسم الشمول المالي، البنك المركزي"],
        },
        "zh-hans": {
            "title": "移动货币让市场女商贩掌控自己的收入",
            "intro": "在露天市场经商的女性使用移动钱包储蓄、借款和向供应商付款，无需携带现金。",
            "body": [
                "对许多女商贩来说，现金是一种风险：可能丢失、被盗或被他人索取。移动钱包使她们能够每天存钱，并清楚地知道自己的收入。",
                "一项针对两千名商贩的调查发现，使用移动货币的商贩储蓄额是不使用者的三倍，获得小额贷款扩大货源的可能性是后者的两倍。",
                "监管机构可以通过保持低廉的交易费用、允许对小额账户进行简便的身份核验以及确保农村市场有代理网点来提供帮助。",
            ],
            "roles": ["中央银行普惠金融部负责人"],
        },
    },
    "online-public-services-that-work-for-women": {
        "fr": {
            "title": "Des services publics en ligne conçus pour les femmes",
            "intro": "Concevoir les services d'administration en ligne avec les femmes, et pas seulement pour elles, les rend plus rapides et plus utilisés.",
            "body": [
                "Lorsque notre gouvernement a mis en ligne l'enregistrement des naissances et les prestations sociales, nous avons testé chaque service avec des groupes de mères, d'aidantes et de femmes chefs de petites entreprises avant son lancement.",
                "Leurs retours ont changé la conception : les services devaient fonctionner sur des téléphones simples, enregistrer la progression malgré une connexion faible et être disponibles dans les langues locales, avec une aide par téléphone pour celles qui en avaient besoin.",
                "Un an plus tard, sept demandes sur dix arrivent en ligne, et le délai pour recevoir une prestation est passé de six semaines à six jours.",
            ],
            "roles": ["Directrice du numérique, gouvernement national"],
        },
        "es": {
            "title": "Servicios públicos en línea que funcionan para las mujeres",
            "intro": "Diseñar los servicios de gobierno electrónico con las mujeres, y no solo para ellas, los hace más rápidos y más utilizados.",
            "body": [
                "Cuando nuestro gobierno llevó a internet el registro de nacimientos y las prestaciones sociales, probamos cada servicio con grupos de madres, cuidadoras y mujeres al frente de pequeñas empresas antes de su lanzamiento.",
                "Sus comentarios cambiaron el diseño: los servicios debían funcionar en teléfonos básicos, guardar el avance con una conexión débil y estar disponibles en las lenguas locales, con ayuda telefónica para quien la necesitara.",
                "Un año después, siete de cada diez solicitudes llegan en línea y el plazo para recibir una prestación ha bajado de seis semanas a seis días.",
            ],
            "roles": ["Directora Digital, Gobierno Nacional"],
        },
        "ru": {
            "title": "Онлайн-госуслуги, удобные для женщин",
            "intro": "Если разрабатывать услуги электронного правительства вместе с женщинами, а не только для них, они становятся быстрее и востребованнее.",
            "body": [
                "Когда наше правительство перевело в онлайн регистрацию рождения и социальные пособия, перед запуском мы проверили каждую услугу с группами матерей, сиделок и женщин — владелиц малого бизнеса.",
                "Их отзывы изменили дизайн: услуги должны работать на простых телефонах, сохранять прогресс при слабом соединении и быть доступными на местных языках, с помощью по телефону для тех, кому она нужна.",
                "Год спустя семь из десяти заявлений поступают онлайн, а срок получения пособия сократился с шести недель до шести дней.",
            ],
            "roles": ["Директор по цифровым технологиям, национальное правительство"],
        },
        "ar": {
            "title": "خدمات عامة إلكترونية تلبي احتياجات النساء",
            "intro": "إن تصميم خدمات الحكومة الإلكترونية بمشاركة النساء، لا من أجلهن فحسب، يجعلها أسرع وأوسع استخداماً.",
            "body": [
                "عندما نقلت حكومتنا تسجيل المواليد والمزايا الاجتماعية إلى الإنترنت، اختبرنا كل خدمة مع مجموعات من الأمهات ومقدمات الرعاية وصاحبات المشاريع الصغيرة قبل إطلاقها.",
                "وقد غيّرت ملاحظاتهن التصميم: إذ كان على الخدمات أن تعمل على الهواتف البسيطة، وأن تحفظ التقدم رغم ضعف الاتصال، وأن تتوفر باللغات المحلية، مع مساعدة هاتفية لمن تحتاج إليها.",
                "وبعد عام، باتت سبعة من كل عشرة طلبات تصل عبر الإنترنت، وانخفضت مدة الحصول على المزايا من ستة أسابيع إلى ستة أيام.",
            ],
            "roles": ["الرئيسة التنفيذية للشؤون الرقمية، الحكومة الوطنية"],
        },
        "zh-hans": {
            "title": "服务女性的在线公共服务",
            "intro": "与女性共同而不仅仅是为女性设计电子政务服务，能使服务更快捷、使用更广泛。",
            "body": [
                "我国政府将出生登记和社会福利迁移到网上时，在上线前与母亲、照护者和经营小企业的女性群体逐一测试了每项服务。",
                "她们的反馈改变了设计：服务必须能在普通手机上使用，在网络信号弱时保存进度，提供本地语言版本，并为有需要的人提供电话帮助。",
                "一年后，十份申请中有七份通过网上提交，领取福利的时间从六周缩短到六天。",
            ],
            "roles": ["国家政府首席数字官"],
        },
    },
    "telemedicine-in-rural-clinics": {
        "fr": {
            "title": "La télémédecine amène les spécialistes dans les dispensaires ruraux",
            "intro": "Les téléconsultations et les dossiers partagés relient les infirmières des dispensaires isolés aux spécialistes de la capitale.",
            "body": [
                "La plupart des dispensaires ruraux sont tenus par des infirmières, souvent des femmes, qui doivent décider seules si un patient a besoin d'un long et coûteux trajet jusqu'à l'hôpital.",
                "Avec une tablette, une connexion fiable et un dossier médical partagé, une infirmière peut désormais consulter un spécialiste en vidéo le jour même. Les transferts inutiles ont diminué d'un tiers.",
                "Le programme forme aussi les infirmières à la santé numérique, ce qui leur donne de nouvelles compétences et plus de poids dans la manière dont le système de santé utilise la technologie.",
            ],
            "roles": ["Professeure d'informatique médicale"],
        },
        "es": {
            "title": "La telemedicina lleva especialistas a las clínicas rurales",
            "intro": "Las videoconsultas y los historiales compartidos conectan a las enfermeras de clínicas remotas con especialistas de la capital.",
            "body": [
                "La mayoría de las clínicas rurales están a cargo de enfermeras, muchas de ellas mujeres, que deben decidir solas si un paciente necesita un viaje largo y costoso al hospital.",
                "Con una tableta, una conexión fiable y un historial médico compartido, una enfermera puede ahora consultar a un especialista por vídeo el mismo día. Las derivaciones innecesarias han bajado un tercio.",
                "El programa también forma a las enfermeras en salud digital, lo que les da nuevas competencias y más voz en la forma en que el sistema de salud usa la tecnología.",
            ],
            "roles": ["Catedrática de Informática de la Salud"],
        },
        "ru": {
            "title": "Телемедицина приводит специалистов в сельские медпункты",
            "intro": "Видеоконсультации и общие медицинские карты связывают медсестер отдаленных медпунктов со специалистами в столице.",
            "body": [
                "Большинством сельских медпунктов руководят медсестры, многие из которых женщины; им приходится в одиночку решать, нужна ли пациенту долгая и дорогая поездка в больницу.",
                "С планшетом, надежной связью и общей медицинской картой медсестра теперь может в тот же день проконсультироваться со специалистом по видеосвязи. Число ненужных направлений сократилось на треть.",
                "Программа также обучает медсестер цифровому здравоохранению, что дает им новые навыки и больше влияния на то, как система здравоохранения использует технологии.",
            ],
            "roles": ["Профессор медицинской информатики"],
        },
        "ar": {
            "title": "التطبيب عن بُعد يوصل الأطباء الاختصاصيين إلى العيادات الريفية",
            "intro": "تربط الاستشارات بالفيديو والسجلات المشتركة الممرضات في العيادات النائية بالأطباء الاختصاصيين في العاصمة.",
            "body": [
                "تديرُ معظمَ العيادات الريفية ممرضاتٌ، كثيرات منهن نساء، يتعين عليهن أن يقررن وحدهن ما إذا كان المريض يحتاج إلى رحلة طويلة ومكلفة إلى المستشفى.",
                "وبفضل جهاز لوحي واتصال موثوق وسجل طبي مشترك، أصبح بإمكان الممرضة استشارة طبيب اختصاصي بالفيديو في اليوم نفسه. وانخفضت الإحالات غير الضرورية بمقدار الثلث.",
                "ويدرب البرنامج الممرضات أيضاً على الصحة الرقمية، مما يمنحهن مهارات جديدة وصوتاً أقوى في طريقة استخدام النظام الصحي للتكنولوجيا.",
            ],
            "roles": ["أستاذة المعلوماتية الصحية"],
        },
        "zh-hans": {
            "title": "远程医疗把专科医生带到农村诊所",
            "intro": "视频问诊和共享病历将偏远诊所的护士与首都的专科医生连接起来。",
            "body": [
                "大多数农村诊所由护士负责，其中许多是女性，她们必须独自决定病人是否需要长途跋涉、花费高昂地前往医院。",
                "有了平板电脑、可靠的网络连接和共享病历，护士现在可以当天通过视频咨询专科医生。不必要的转诊减少了三分之一。",
                "该项目还对护士进行数字医疗培训，使她们掌握新技能，并在卫生系统如何使用技术方面拥有更大的话语权。",
            ],
            "roles": ["卫生信息学教授"],
        },
    },
}
