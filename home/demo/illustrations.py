"""
Illustrations for the demo site, drawn with Pillow when the demo content is
loaded: a hero picture, one pictogram per article subject, one per kind of
event and a portrait per member. Nothing is downloaded and nothing is
anyone else's work. No text is drawn into the pictures, so that they suit
every language; their descriptions (alt text) live beside the demo content.

Each drawing is seeded by a name, so the same demo always gets the same
pictures.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

# The site's colours (cms/static/css/site.css) and a few companions.
BLUE = (11, 83, 148)
DARK_BLUE = (7, 55, 99)
NIGHT = (4, 30, 58)
GOLD = (232, 163, 61)
SKY = (198, 219, 239)
PALE = (238, 244, 251)
WHITE = (255, 255, 255)
TEAL = (42, 157, 143)
CORAL = (231, 111, 81)
PLUM = (106, 76, 147)
LEAF = (106, 153, 78)

SKIN_TONES = [(141, 85, 36), (198, 134, 66), (224, 172, 105), (241, 194, 125), (255, 219, 172), (92, 56, 32)]
HAIR_COLOURS = [(35, 24, 21), (59, 38, 29), (106, 78, 66), (20, 20, 24), (151, 104, 62), (170, 136, 102)]
CLOTHES = [BLUE, GOLD, TEAL, CORAL, PLUM, LEAF, (196, 69, 105), (38, 70, 83)]

# Backgrounds of the subject pictures: (top colour, bottom colour, pictogram colour, accent).
PALETTES = [
    (BLUE, DARK_BLUE, WHITE, GOLD),
    (TEAL, (24, 98, 90), WHITE, GOLD),
    (PLUM, (66, 45, 97), WHITE, GOLD),
    (CORAL, (176, 72, 48), WHITE, NIGHT),
    (DARK_BLUE, NIGHT, SKY, GOLD),
    ((38, 70, 83), (20, 40, 48), WHITE, CORAL),
]

SCALE = 2  # drawn at twice the size, then reduced: smooth edges without anti-aliasing support in ImageDraw


def _rgba(colour, alpha):
    return (*colour[:3], alpha)


def _gradient(size, top, bottom):
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize((width, height))


def _finish(canvas, size):
    return canvas.convert("RGB").resize(size, Image.Resampling.LANCZOS)


def to_file(image, fmt="JPEG"):
    """The picture as bytes for a Wagtail image: JPEG for the illustrations (readers get WebP/AVIF renditions)."""
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=90, optimize=True)
    return buffer.getvalue()


# People ---------------------------------------------------------------------


def _person(draw, x, y, height, rng, skin=None, hair=None, clothes=None):
    """A woman seen from the chest up, centred on x, standing on y (the bottom edge)."""
    skin = skin or rng.choice(SKIN_TONES)
    hair = hair or rng.choice(HAIR_COLOURS)
    clothes = clothes or rng.choice(CLOTHES)
    head = height * 0.22
    neck_y = y - height * 0.55
    # Shoulders and body.
    draw.rounded_rectangle(
        (x - height * 0.32, neck_y + head * 0.35, x + height * 0.32, y + height * 0.3),
        radius=height * 0.2,
        fill=clothes,
    )
    draw.rectangle((x - head * 0.28, neck_y - head * 0.2, x + head * 0.28, neck_y + head * 0.5), fill=skin)
    head_box = (x - head * 0.62, neck_y - head * 1.75, x + head * 0.62, neck_y - head * 0.1)
    style = rng.randrange(4)
    if style == 0:  # long hair behind the head
        draw.rounded_rectangle(
            (head_box[0] - head * 0.18, head_box[1] - head * 0.12, head_box[2] + head * 0.18, neck_y + head * 0.55),
            radius=head * 0.6,
            fill=hair,
        )
    elif style == 1:  # hair in a bun
        draw.ellipse((x - head * 0.38, head_box[1] - head * 0.55, x + head * 0.38, head_box[1] + head * 0.2), fill=hair)
    elif style == 2:  # a headscarf
        draw.ellipse(
            (head_box[0] - head * 0.25, head_box[1] - head * 0.22, head_box[2] + head * 0.25, neck_y + head * 0.6),
            fill=clothes if rng.random() < 0.5 else rng.choice(CLOTHES),
        )
    draw.ellipse(head_box, fill=skin)
    if style in (0, 1, 3):  # a fringe over the forehead
        draw.chord(
            (
                head_box[0] - head * 0.06,
                head_box[1] - head * 0.08,
                head_box[2] + head * 0.06,
                head_box[3] - head * 0.35,
            ),
            180,
            360,
            fill=hair,
        )
    if style == 3:  # short curls
        for angle in range(180, 361, 30):
            cx = x + math.cos(math.radians(angle)) * head * 0.62
            cy = (head_box[1] + head_box[3]) / 2 - head * 0.1 + math.sin(math.radians(angle)) * head * 0.8
            draw.ellipse((cx - head * 0.22, cy - head * 0.22, cx + head * 0.22, cy + head * 0.22), fill=hair)


# The hero -------------------------------------------------------------------


def hero(seed="hero", size=(2400, 1200)):
    """Women connected by a network of lines and points across a globe."""
    rng = random.Random(seed)
    width, height = size[0] * SCALE, size[1] * SCALE
    canvas = _gradient((width, height), (13, 92, 163), NIGHT).convert("RGBA")
    layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)

    # The globe: outline, meridians and parallels.
    cx, cy, radius = width * 0.58, height * 0.52, height * 0.62
    line = max(2, width // 900)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=_rgba(WHITE, 14))
    for step in range(1, 6):
        half = radius * step / 6
        draw.ellipse((cx - half, cy - radius, cx + half, cy + radius), outline=_rgba(SKY, 60), width=line)
    for step in range(-4, 5):
        y = cy + radius * step / 5
        half = math.sqrt(max(0.0, radius**2 - (y - cy) ** 2))
        draw.line((cx - half, y, cx + half, y), fill=_rgba(SKY, 50), width=line)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=_rgba(SKY, 110), width=line * 2)

    # The network: points on the globe joined to their nearest neighbours.
    points = []
    while len(points) < 46:
        angle, distance = rng.uniform(0, 2 * math.pi), radius * math.sqrt(rng.random()) * 0.96
        points.append((cx + math.cos(angle) * distance, cy + math.sin(angle) * distance))
    for point in points:
        nearest = sorted(points, key=lambda other: math.dist(point, other))[1:4]
        for other in nearest:
            draw.line((*point, *other), fill=_rgba(GOLD, 170), width=line * 2)
    for x, y in points:
        r = rng.choice([5, 7, 9]) * SCALE
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(GOLD, 255))
        draw.ellipse((x - r * 2.2, y - r * 2.2, x + r * 2.2, y + r * 2.2), outline=_rgba(GOLD, 70), width=line)
    canvas = Image.alpha_composite(canvas, layer.filter(ImageFilter.GaussianBlur(0.6)))

    # Seven women in front, linked to the network above them.
    people = ImageDraw.Draw(canvas)
    count = 7
    figures = [
        (width * (0.12 + 0.76 * index / (count - 1)) + rng.uniform(-20, 20) * SCALE, height * rng.uniform(0.38, 0.46))
        for index in range(count)
    ]
    for x, figure in figures:
        top = height - figure * 0.95  # just above her head
        anchor = min(points, key=lambda point, x=x, top=top: math.dist(point, (x, top - height * 0.12)))
        people.line((x, top, *anchor), fill=_rgba(GOLD, 220), width=line * 2)
    for index, (x, figure) in enumerate(figures):
        _person(people, x, height + 4, figure, rng, clothes=CLOTHES[index % len(CLOTHES)])
    return _finish(canvas, size)


# Subject pictures (articles) ------------------------------------------------


def _backdrop(size, rng, palette):
    top, bottom, _ink, accent = palette
    width, height = size
    canvas = _gradient(size, top, bottom).convert("RGBA")
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    # Soft circles and a dotted grid: a pattern, not a picture.
    for _ in range(7):
        r = rng.uniform(0.08, 0.3) * height
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(WHITE, rng.randint(10, 26)))
    spacing = height // 14
    for gx in range(spacing // 2, width, spacing):
        for gy in range(spacing // 2, height, spacing):
            if rng.random() < 0.35:
                d = max(2, spacing // 14)
                draw.ellipse((gx - d, gy - d, gx + d, gy + d), fill=_rgba(WHITE, 40))
    r = height * 0.42
    x, y = width * 0.8, height * 0.2
    draw.ellipse((x - r, y - r, x + r, y + r), outline=_rgba(accent, 90), width=max(3, height // 120))
    return Image.alpha_composite(canvas, layer)


def _code(draw, cx, cy, s, ink, accent):
    draw.rounded_rectangle((cx - s, cy - s * 0.65, cx + s, cy + s * 0.55), radius=s * 0.08, fill=ink)
    draw.rounded_rectangle((cx - s * 0.9, cy - s * 0.55, cx + s * 0.9, cy + s * 0.45), radius=s * 0.04, fill=NIGHT)
    draw.polygon(
        [
            (cx - s * 1.25, cy + s * 0.55),
            (cx + s * 1.25, cy + s * 0.55),
            (cx + s * 1.1, cy + s * 0.7),
            (cx - s * 1.1, cy + s * 0.7),
        ],
        fill=ink,
    )
    w = s * 0.07
    draw.line(
        (cx - s * 0.3, cy - s * 0.3, cx - s * 0.55, cy - s * 0.05, cx - s * 0.3, cy + s * 0.2),
        fill=GOLD,
        width=int(w),
        joint="curve",
    )
    draw.line(
        (cx + s * 0.3, cy - s * 0.3, cx + s * 0.55, cy - s * 0.05, cx + s * 0.3, cy + s * 0.2),
        fill=GOLD,
        width=int(w),
        joint="curve",
    )
    draw.line((cx + s * 0.12, cy - s * 0.38, cx - s * 0.12, cy + s * 0.28), fill=WHITE, width=int(w))


def _phone_and_coins(draw, cx, cy, s, ink, accent):
    draw.rounded_rectangle((cx - s * 0.85, cy - s, cx - s * 0.05, cy + s * 0.9), radius=s * 0.14, fill=ink)
    draw.rounded_rectangle((cx - s * 0.77, cy - s * 0.86, cx - s * 0.13, cy + s * 0.68), radius=s * 0.05, fill=NIGHT)
    draw.ellipse((cx - s * 0.5, cy + s * 0.74, cx - s * 0.4, cy + s * 0.84), fill=NIGHT)
    draw.rectangle((cx - s * 0.68, cy - s * 0.5, cx - s * 0.22, cy - s * 0.38), fill=accent)
    draw.rectangle((cx - s * 0.68, cy - s * 0.25, cx - s * 0.35, cy - s * 0.15), fill=SKY)
    for level in range(5):
        y = cy + s * 0.75 - level * s * 0.2
        draw.ellipse(
            (cx + s * 0.15, y - s * 0.14, cx + s * 0.95, y + s * 0.14),
            fill=accent,
            outline=NIGHT,
            width=max(2, int(s * 0.02)),
        )
    draw.ellipse(
        (cx + s * 0.4, cy - s * 0.55, cx + s * 1.1, cy + s * 0.15),
        fill=accent,
        outline=NIGHT,
        width=max(2, int(s * 0.03)),
    )
    draw.ellipse(
        (cx + s * 0.58, cy - s * 0.37, cx + s * 0.92, cy - s * 0.03), outline=NIGHT, width=max(2, int(s * 0.03))
    )


def _building_and_screen(draw, cx, cy, s, ink, accent):
    draw.polygon([(cx - s * 1.1, cy - s * 0.35), (cx, cy - s), (cx + s * 1.1, cy - s * 0.35)], fill=ink)
    draw.rectangle((cx - s * 1.0, cy + s * 0.75, cx + s * 1.0, cy + s * 0.9), fill=ink)
    for column in range(5):
        x = cx - s * 0.8 + column * s * 0.4
        draw.rectangle((x - s * 0.08, cy - s * 0.3, x + s * 0.08, cy + s * 0.72), fill=ink)
    draw.rounded_rectangle((cx + s * 0.45, cy - s * 0.05, cx + s * 1.35, cy + s * 0.6), radius=s * 0.06, fill=accent)
    draw.rectangle((cx + s * 0.55, cy + s * 0.05, cx + s * 1.25, cy + s * 0.5), fill=NIGHT)
    draw.line(
        (cx + s * 0.7, cy + s * 0.28, cx + s * 0.82, cy + s * 0.4, cx + s * 1.08, cy + s * 0.15),
        fill=accent,
        width=int(s * 0.06),
    )


def _heart_and_pulse(draw, cx, cy, s, ink, accent):
    r = s * 0.5
    draw.ellipse((cx - s - 0.02 * s, cy - s * 0.75, cx, cy + s * 0.25 - r * 0.05), fill=ink)
    draw.ellipse((cx, cy - s * 0.75, cx + s + 0.02 * s, cy + s * 0.25 - r * 0.05), fill=ink)
    draw.polygon([(cx - s * 0.97, cy - s * 0.1), (cx + s * 0.97, cy - s * 0.1), (cx, cy + s * 1.0)], fill=ink)
    points = [
        (cx - s * 1.5, cy),
        (cx - s * 0.55, cy),
        (cx - s * 0.35, cy - s * 0.45),
        (cx - s * 0.1, cy + s * 0.5),
        (cx + s * 0.15, cy - s * 0.7),
        (cx + s * 0.4, cy),
        (cx + s * 1.5, cy),
    ]
    draw.line(points, fill=accent, width=int(s * 0.09), joint="curve")


def _tower_and_waves(draw, cx, cy, s, ink, accent):
    w = int(s * 0.07)
    draw.line((cx, cy - s * 0.55, cx - s * 0.5, cy + s), fill=ink, width=w)
    draw.line((cx, cy - s * 0.55, cx + s * 0.5, cy + s), fill=ink, width=w)
    for level in (0.0, 0.4, 0.75):
        half = s * (0.12 + level * 0.4)
        y = cy - s * 0.3 + level * s * 1.05
        draw.line((cx - half, y, cx + half, y), fill=ink, width=int(w * 0.7))
    draw.ellipse((cx - s * 0.13, cy - s * 0.72, cx + s * 0.13, cy - s * 0.46), fill=accent)
    for ring in range(1, 4):
        r = s * 0.3 * ring + s * 0.15
        box = (cx - r, cy - s * 0.59 - r, cx + r, cy - s * 0.59 + r)
        draw.arc(box, 200, 250, fill=accent, width=w)
        draw.arc(box, 290, 340, fill=accent, width=w)


def _archive(draw, cx, cy, s, ink, accent):
    colours = [accent, SKY, CORAL, TEAL, WHITE, GOLD, PLUM]
    for shelf in range(3):
        y = cy - s * 0.9 + shelf * s * 0.65
        draw.rectangle((cx - s * 1.2, y + s * 0.55, cx + s * 1.2, y + s * 0.62), fill=ink)
        x = cx - s * 1.1
        for book in range(9):
            wide = s * (0.14 + 0.06 * ((book * 7 + shelf) % 3))
            tall = s * (0.38 + 0.05 * ((book + shelf * 2) % 4))
            draw.rectangle(
                (x, y + s * 0.55 - tall, x + wide, y + s * 0.55), fill=colours[(book + shelf) % len(colours)]
            )
            x += wide + s * 0.03
            if x > cx + s * 1.05:
                break


def _chip(draw, cx, cy, s, ink, accent):
    for pin in range(6):
        offset = -s * 0.62 + pin * s * 0.25
        w = int(s * 0.06)
        draw.line((cx + offset, cy - s * 1.05, cx + offset, cy + s * 1.05), fill=ink, width=w)
        draw.line((cx - s * 1.05, cy + offset, cx + s * 1.05, cy + offset), fill=ink, width=w)
    draw.rounded_rectangle(
        (cx - s * 0.8, cy - s * 0.8, cx + s * 0.8, cy + s * 0.8),
        radius=s * 0.1,
        fill=NIGHT,
        outline=ink,
        width=int(s * 0.05),
    )
    draw.rounded_rectangle((cx - s * 0.4, cy - s * 0.4, cx + s * 0.4, cy + s * 0.4), radius=s * 0.05, fill=accent)
    draw.ellipse((cx - s * 0.62, cy - s * 0.62, cx - s * 0.5, cy - s * 0.5), fill=ink)


def _shield_and_lock(draw, cx, cy, s, ink, accent):
    draw.polygon(
        [
            (cx, cy - s * 1.05),
            (cx + s * 0.9, cy - s * 0.7),
            (cx + s * 0.8, cy + s * 0.3),
            (cx, cy + s * 1.05),
            (cx - s * 0.8, cy + s * 0.3),
            (cx - s * 0.9, cy - s * 0.7),
        ],
        fill=ink,
    )
    draw.arc((cx - s * 0.32, cy - s * 0.55, cx + s * 0.32, cy + s * 0.1), 180, 360, fill=NIGHT, width=int(s * 0.1))
    draw.line((cx - s * 0.27, cy - s * 0.22, cx - s * 0.27, cy - s * 0.05), fill=NIGHT, width=int(s * 0.1))
    draw.line((cx + s * 0.27, cy - s * 0.22, cx + s * 0.27, cy - s * 0.05), fill=NIGHT, width=int(s * 0.1))
    draw.rounded_rectangle((cx - s * 0.45, cy - s * 0.08, cx + s * 0.45, cy + s * 0.55), radius=s * 0.08, fill=accent)
    draw.ellipse((cx - s * 0.09, cy + s * 0.08, cx + s * 0.09, cy + s * 0.26), fill=NIGHT)
    draw.rectangle((cx - s * 0.04, cy + s * 0.2, cx + s * 0.04, cy + s * 0.4), fill=NIGHT)


def _fibre(draw, cx, cy, s, ink, accent):
    colours = [accent, SKY, CORAL, TEAL, WHITE]
    for index, colour in enumerate(colours):
        y0 = cy - s * 0.6 + index * s * 0.3
        points = [(cx - s * 1.7 + t * s * 0.34, y0 + math.sin(t * 0.9 + index) * s * 0.18) for t in range(11)]
        draw.line(points, fill=colour, width=int(s * 0.08), joint="curve")
        end = points[-1]
        draw.ellipse((end[0] - s * 0.1, end[1] - s * 0.1, end[0] + s * 0.1, end[1] + s * 0.1), fill=WHITE)
        draw.ellipse(
            (end[0] - s * 0.2, end[1] - s * 0.2, end[0] + s * 0.2, end[1] + s * 0.2),
            outline=colour,
            width=int(s * 0.03),
        )


def _book_and_cap(draw, cx, cy, s, ink, accent):
    draw.polygon(
        [(cx, cy + s * 0.1), (cx - s * 1.1, cy - s * 0.15), (cx - s * 1.1, cy + s * 0.85), (cx, cy + s * 1.05)],
        fill=ink,
    )
    draw.polygon(
        [(cx, cy + s * 0.1), (cx + s * 1.1, cy - s * 0.15), (cx + s * 1.1, cy + s * 0.85), (cx, cy + s * 1.05)],
        fill=SKY,
    )
    for line in range(4):
        y = cy + s * 0.15 + line * s * 0.17
        draw.line((cx - s * 0.9, y, cx - s * 0.15, y + s * 0.16), fill=NIGHT, width=int(s * 0.03))
        draw.line((cx + s * 0.15, y + s * 0.16, cx + s * 0.9, y), fill=NIGHT, width=int(s * 0.03))
    draw.polygon(
        [(cx, cy - s * 1.05), (cx + s * 0.85, cy - s * 0.7), (cx, cy - s * 0.35), (cx - s * 0.85, cy - s * 0.7)],
        fill=NIGHT,
    )
    draw.rectangle((cx - s * 0.45, cy - s * 0.6, cx + s * 0.45, cy - s * 0.3), fill=NIGHT)
    draw.line((cx + s * 0.6, cy - s * 0.75, cx + s * 0.6, cy - s * 0.2), fill=accent, width=int(s * 0.05))
    draw.ellipse((cx + s * 0.52, cy - s * 0.28, cx + s * 0.68, cy - s * 0.12), fill=accent)


def _identity(draw, cx, cy, s, ink, accent):
    draw.rounded_rectangle((cx - s * 1.25, cy - s * 0.8, cx + s * 1.25, cy + s * 0.8), radius=s * 0.14, fill=ink)
    draw.rectangle((cx - s * 1.25, cy - s * 0.8, cx + s * 1.25, cy - s * 0.52), fill=accent)
    draw.ellipse((cx - s * 0.95, cy - s * 0.38, cx - s * 0.45, cy + s * 0.12), fill=BLUE)
    draw.chord((cx - s * 1.1, cy + s * 0.1, cx - s * 0.3, cy + s * 0.9), 180, 360, fill=BLUE)
    for line in range(3):
        y = cy - s * 0.25 + line * s * 0.25
        draw.rounded_rectangle(
            (cx - s * 0.2, y, cx + (s * 0.5 if line % 2 else s * 0.35), y + s * 0.1), radius=s * 0.05, fill=DARK_BLUE
        )
    for ring in range(1, 5):
        r = s * 0.09 * ring
        draw.arc(
            (cx + s * 0.85 - r, cy + s * 0.35 - r, cx + s * 0.85 + r, cy + s * 0.35 + r),
            200,
            520 - ring * 15,
            fill=NIGHT,
            width=max(2, int(s * 0.03)),
        )


def _girls_and_stars(draw, cx, cy, s, ink, accent, rng):
    for _ in range(14):
        x, y = cx + rng.uniform(-1.6, 1.6) * s, cy + rng.uniform(-1.3, -0.4) * s
        r = rng.uniform(0.05, 0.12) * s
        points = []
        for corner in range(10):
            angle = math.pi / 2 + corner * math.pi / 5
            radius = r if corner % 2 == 0 else r * 0.45
            points.append((x + math.cos(angle) * radius, y - math.sin(angle) * radius))
        draw.polygon(points, fill=rng.choice([accent, WHITE, SKY]))
    for index in range(3):
        _person(draw, cx + (index - 1) * s * 0.85, cy + s * 1.25, s * 1.35, rng, clothes=[CORAL, GOLD, TEAL][index])


SUBJECTS = {
    "code": _code,
    "mobile-money": _phone_and_coins,
    "public-services": _building_and_screen,
    "health": _heart_and_pulse,
    "spectrum": _tower_and_waves,
    "archive": _archive,
    "chip": _chip,
    "security": _shield_and_lock,
    "broadband": _fibre,
    "teaching": _book_and_cap,
    "identity": _identity,
    "girls-in-ict": _girls_and_stars,
}


def subject(name, seed, size=(1600, 900)):
    """A pictogram of `name` (a key of SUBJECTS) on a patterned background."""
    rng = random.Random(f"{name}:{seed}")
    palette = PALETTES[sum(map(ord, seed)) % len(PALETTES)]
    width, height = size[0] * SCALE, size[1] * SCALE
    canvas = _backdrop((width, height), rng, palette)
    draw = ImageDraw.Draw(canvas)
    _top, _bottom, ink, accent = palette
    draw_subject = SUBJECTS[name]
    cx, cy, s = width * 0.5, height * 0.5, height * 0.3
    if draw_subject is _girls_and_stars:
        draw_subject(draw, cx, cy, s, ink, accent, rng)
    else:
        draw_subject(draw, cx, cy, s, ink, accent)
    return _finish(canvas, size)


# Events ---------------------------------------------------------------------


def _audience(draw, width, height, rng, rows=2):
    for row in range(rows):
        y = height * (1.02 - row * 0.13)
        count = 9 - row
        for index in range(count):
            x = width * (0.06 + 0.88 * (index + 0.5 * row) / count)
            _person(draw, x, y, height * 0.22, rng)


def event_picture(kind, seed, size=(1600, 900)):
    """A scene for a kind of event: conference, webinar, workshop, observance or meeting."""
    rng = random.Random(f"{kind}:{seed}")
    width, height = size[0] * SCALE, size[1] * SCALE
    palette = PALETTES[sum(map(ord, seed)) % len(PALETTES)]
    canvas = _backdrop((width, height), rng, palette)
    draw = ImageDraw.Draw(canvas)
    _top, _bottom, ink, accent = palette
    if kind == "conference":
        draw.rounded_rectangle(
            (width * 0.22, height * 0.1, width * 0.78, height * 0.5), radius=height * 0.02, fill=PALE
        )
        for bar in range(5):
            top = height * (0.42 - 0.05 * bar - 0.02 * (bar % 2))
            draw.rectangle(
                (width * (0.3 + bar * 0.06), top, width * (0.34 + bar * 0.06), height * 0.44),
                fill=[accent, BLUE, TEAL][bar % 3],
            )
        draw.ellipse((width * 0.6, height * 0.17, width * 0.72, height * 0.38), fill=accent)
        draw.pieslice((width * 0.6, height * 0.17, width * 0.72, height * 0.38), 0, 110, fill=BLUE)
        draw.polygon(
            [
                (width * 0.42, height * 0.72),
                (width * 0.58, height * 0.72),
                (width * 0.55, height * 0.55),
                (width * 0.45, height * 0.55),
            ],
            fill=NIGHT,
        )
        _person(draw, width * 0.5, height * 0.6, height * 0.2, rng)
        _audience(draw, width, height, rng)
    elif kind == "webinar":
        draw.rounded_rectangle(
            (width * 0.15, height * 0.1, width * 0.85, height * 0.8), radius=height * 0.03, fill=NIGHT
        )
        tiles = [(col, row) for row in range(2) for col in range(3)]
        for col, row in tiles:
            left = width * (0.18 + col * 0.222)
            top = height * (0.14 + row * 0.32)
            draw.rounded_rectangle(
                (left, top, left + width * 0.2, top + height * 0.29),
                radius=height * 0.015,
                fill=PALETTES[(col + row) % len(PALETTES)][0],
            )
            _person(draw, left + width * 0.1, top + height * 0.29, height * 0.2, rng)
        draw.rectangle((width * 0.45, height * 0.8, width * 0.55, height * 0.88), fill=ink)
        draw.rounded_rectangle(
            (width * 0.35, height * 0.87, width * 0.65, height * 0.91), radius=height * 0.01, fill=ink
        )
    elif kind == "workshop":
        draw.rounded_rectangle(
            (width * 0.08, height * 0.62, width * 0.92, height * 0.72), radius=height * 0.02, fill=ink
        )
        for index in range(4):
            x = width * (0.2 + index * 0.2)
            _person(draw, x, height * 0.66, height * 0.32, rng)
            draw.polygon(
                [
                    (x - width * 0.06, height * 0.62),
                    (x + width * 0.06, height * 0.62),
                    (x + width * 0.05, height * 0.52),
                    (x - width * 0.05, height * 0.52),
                ],
                fill=NIGHT,
            )
            draw.ellipse((x - width * 0.008, height * 0.565, x + width * 0.008, height * 0.58), fill=accent)
        for gear in range(3):
            gx, gy, r = width * (0.2 + gear * 0.3), height * 0.18, height * 0.08
            for tooth in range(8):
                angle = tooth * math.pi / 4
                tx, ty = gx + math.cos(angle) * r, gy + math.sin(angle) * r
                draw.ellipse((tx - r * 0.3, ty - r * 0.3, tx + r * 0.3, ty + r * 0.3), fill=accent)
            draw.ellipse((gx - r, gy - r, gx + r, gy + r), fill=accent)
            draw.ellipse((gx - r * 0.4, gy - r * 0.4, gx + r * 0.4, gy + r * 0.4), fill=palette[0])
    elif kind == "observance":
        draw.rounded_rectangle(
            (width * 0.32, height * 0.12, width * 0.68, height * 0.72), radius=height * 0.04, fill=PALE
        )
        draw.rectangle((width * 0.32, height * 0.12, width * 0.68, height * 0.26), fill=CORAL)
        for ring in (0.4, 0.6):
            draw.rounded_rectangle(
                (width * ring - 8, height * 0.07, width * ring + 8, height * 0.17), radius=6, fill=NIGHT
            )
        cx, cy, r = width * 0.5, height * 0.5, height * 0.17
        points = []
        for corner in range(10):
            angle = math.pi / 2 + corner * math.pi / 5
            radius = r if corner % 2 == 0 else r * 0.45
            points.append((cx + math.cos(angle) * radius, cy - math.sin(angle) * radius))
        draw.polygon(points, fill=accent)
        for _ in range(40):
            x, y = rng.uniform(0, width), rng.uniform(0, height * 0.6)
            if abs(x - width / 2) < width * 0.2 and y > height * 0.08:
                continue
            d = rng.uniform(4, 10) * SCALE
            draw.rectangle((x, y, x + d, y + d * 0.5), fill=rng.choice([accent, WHITE, CORAL, TEAL]))
        _audience(draw, width, height, rng, rows=1)
    else:  # meeting
        draw.ellipse((width * 0.22, height * 0.5, width * 0.78, height * 0.9), fill=ink)
        for index in range(6):
            angle = math.pi + index * math.pi / 5
            x = width * 0.5 + math.cos(angle) * width * 0.3
            y = height * 0.62 + math.sin(angle) * height * 0.28
            _person(draw, x, y + height * 0.06, height * 0.26, rng)
        draw.ellipse((width * 0.25, height * 0.55, width * 0.75, height * 0.86), fill=ink)
        for cup in range(4):
            x = width * (0.36 + cup * 0.09)
            draw.rounded_rectangle((x, height * 0.66, x + width * 0.025, height * 0.71), radius=4, fill=WHITE)
    return _finish(canvas, size)


# Portraits ------------------------------------------------------------------


def portrait(seed, size=(600, 600)):
    """A drawn head-and-shoulders portrait on a plain background."""
    rng = random.Random(seed)
    width, height = size[0] * SCALE, size[1] * SCALE
    background = rng.choice([SKY, PALE, (253, 236, 213), (226, 240, 232), (236, 228, 246), (250, 224, 219)])
    canvas = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(canvas)
    r = width * 0.42
    draw.ellipse(
        (width / 2 - r, height * 0.5 - r, width / 2 + r, height * 0.5 + r),
        fill=tuple(max(0, c - 18) for c in background),
    )
    _person(draw, width / 2, height * 1.1, height * 1.02, rng)
    return _finish(canvas, size)
