import pytest

from events.models import EventIndexPage


@pytest.fixture
def events_index(home):
    return EventIndexPage.objects.child_of(home).get()
