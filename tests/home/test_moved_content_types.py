"""
home.content_types.move_content_types, which the migrations that moved the
headless and translation models out of `home` run: the moved model keeps
its ContentType row, so groups' permissions (and everything else pointing
at the row) keep working; a row Wagtail already made under the new label
gives way, its permissions joining the old row; and the move runs
backwards. Run on the real database inside the test's transaction.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from home.content_types import move_content_types


@pytest.fixture
def old_row(db):
    row = ContentType.objects.create(app_label="oldplace", model="gadget")
    Permission.objects.create(content_type=row, codename="change_gadget", name="Can change gadget")
    editors = Group.objects.create(name="Gadget editors")
    editors.permissions.add(Permission.objects.get(content_type=row, codename="change_gadget"))
    return row


def test_the_moved_model_keeps_its_row_and_the_groups_permissions(old_row):
    forwards, _backwards = move_content_types("oldplace", "newplace", ["gadget"])
    forwards(apps, None)
    old_row.refresh_from_db()
    assert (old_row.app_label, old_row.model) == ("newplace", "gadget")
    group = Group.objects.get(name="Gadget editors")
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [("newplace", "change_gadget")]


def test_a_row_already_made_under_the_new_label_gives_way(old_row):
    made_by_wagtail = ContentType.objects.create(app_label="newplace", model="gadget")
    Permission.objects.create(content_type=made_by_wagtail, codename="change_gadget", name="Can change gadget")
    Permission.objects.create(content_type=made_by_wagtail, codename="view_gadget", name="Can view gadget")
    forwards, _backwards = move_content_types("oldplace", "newplace", ["gadget"])
    forwards(apps, None)
    assert not ContentType.objects.filter(pk=made_by_wagtail.pk).exists()
    old_row.refresh_from_db()
    assert old_row.app_label == "newplace"
    codenames = sorted(Permission.objects.filter(content_type=old_row).values_list("codename", flat=True))
    assert codenames == ["change_gadget", "view_gadget"]  # no duplicate; the new one joined
    assert Group.objects.get(name="Gadget editors").permissions.get().content_type_id == old_row.pk


def test_the_move_runs_backwards(old_row):
    forwards, backwards = move_content_types("oldplace", "newplace", ["gadget"])
    forwards(apps, None)
    backwards(apps, None)
    old_row.refresh_from_db()
    assert old_row.app_label == "oldplace"


def test_a_fresh_database_without_the_rows_is_left_alone(db):
    before = ContentType.objects.count()
    forwards, _backwards = move_content_types("nowhere", "elsewhere", ["gizmo"])
    forwards(apps, None)
    assert ContentType.objects.count() == before
    assert not ContentType.objects.filter(app_label="elsewhere").exists()
