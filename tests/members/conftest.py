import pytest

from members.models import MemberDirectoryPage


@pytest.fixture
def directory(home):
    return MemberDirectoryPage.objects.child_of(home).get()
