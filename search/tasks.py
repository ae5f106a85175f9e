"""Index updates, run through Wagtail's background task mechanism (django-tasks)."""

from django.apps import apps
from django_tasks import task

from . import index


@task()
def sync_search_documents(model_label, pks):
    """Bring the documents of these objects in line with the database (index or delete)."""
    model = apps.get_model(model_label)
    objects = list(model._default_manager.filter(pk__in=pks))
    index.sync_objects([getattr(obj, "specific", obj) for obj in objects])
    index.apply_pending()


@task()
def remove_search_document(model_label, pk, language, id_prefix):
    index.remove_documents(model_label, pk, language, id_prefix)


def enqueue_sync(objects):
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj)._meta.concrete_model._meta.label, []).append(obj.pk)
    for label, pks in by_model.items():
        for start in range(0, len(pks), 200):
            sync_search_documents.enqueue(label, pks[start : start + 200])
