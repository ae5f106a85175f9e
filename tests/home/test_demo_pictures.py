"""
The demo's drawn pictures (home.demo.illustrations, home.demo.pictures),
which `make run` shows on every page of the demo: each subject, kind of
event, the hero and the portraits draw a real picture of the size asked (not
a blank canvas), the same one for the same seed and a different one for a
different subject; each is described in the six languages; and saved as a
Wagtail image it lands in the demo's collection with its description, ready
for renditions. Drawn small here: the whole demo has its own smoke test
(tests/test_demo_content.py).
"""

import io

import pytest
from django.conf import settings
from PIL import Image

from home.demo import illustrations, pictures

SIZE = (240, 135)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def colours(image):
    return len(image.getcolors(maxcolors=1_000_000) or ())


def assert_drawn(image, size=SIZE):
    assert image.mode == "RGB"
    assert image.size == size
    # A gradient backdrop alone has a few dozen colours; a drawing has many more.
    assert colours(image) > 200


@pytest.mark.parametrize("name", sorted(illustrations.SUBJECTS))
def test_each_subject_is_drawn_the_same_for_the_same_seed(name):
    picture = illustrations.subject(name, "seed-a", size=SIZE)
    assert_drawn(picture)
    assert picture.tobytes() == illustrations.subject(name, "seed-a", size=SIZE).tobytes()


def test_different_subjects_are_different_pictures():
    drawn = {name: illustrations.subject(name, "same-seed", size=SIZE).tobytes() for name in illustrations.SUBJECTS}
    assert len(set(drawn.values())) == len(drawn)


@pytest.mark.parametrize("kind", sorted(pictures.EVENT_ALT))
def test_each_kind_of_event_has_its_scene(kind):
    picture = illustrations.event_picture(kind, "event-seed", size=SIZE)
    assert_drawn(picture)
    assert picture.tobytes() != illustrations.event_picture(kind, "another-event", size=SIZE).tobytes()


def test_event_scenes_differ_by_kind():
    scenes = {kind: illustrations.event_picture(kind, "one-seed", size=SIZE).tobytes() for kind in pictures.EVENT_ALT}
    assert len(set(scenes.values())) == len(scenes)


def test_the_hero_and_portraits_are_drawn():
    assert_drawn(illustrations.hero(size=(320, 160)), size=(320, 160))
    first = illustrations.portrait("Amina Okafor", size=(120, 120))
    assert_drawn(first, size=(120, 120))
    assert first.tobytes() != illustrations.portrait("Li Wei", size=(120, 120)).tobytes()


def test_every_picture_is_described_in_every_language():
    for name in illustrations.SUBJECTS:
        assert set(pictures.SUBJECT_ALT[name]) == set(LANGUAGES), name
    for descriptions in [pictures.HERO_ALT, pictures.PORTRAIT_ALT, *pictures.EVENT_ALT.values()]:
        assert set(descriptions) == set(LANGUAGES)
        assert all(text.strip() for text in descriptions.values())
    assert all("{name}" in text for text in pictures.PORTRAIT_ALT.values())


def test_a_picture_file_is_a_jpeg_of_the_same_size():
    data = illustrations.to_file(illustrations.subject("health", "file", size=SIZE))
    with Image.open(io.BytesIO(data)) as reread:
        assert reread.format == "JPEG"
        assert reread.size == SIZE


@pytest.mark.django_db
def test_a_saved_portrait_is_a_described_image_in_the_demo_collection():
    image = pictures.portrait_image("Amina Okafor")
    assert image.collection.name == pictures.COLLECTION_NAME
    assert image.description == "Drawn portrait of Amina Okafor."
    assert (image.width, image.height) == (600, 600)
    rendition = image.get_rendition("fill-120x120")
    assert (rendition.width, rendition.height) == (120, 120)
    # A second picture joins the same collection rather than a new one.
    again = pictures.subject_image("identity", "saved")
    assert again.collection_id == image.collection_id
    assert again.description == pictures.SUBJECT_ALT["identity"]["en"]
