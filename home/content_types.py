"""
For migrations that move models from one app to another: the models'
ContentType rows follow them, so the permissions, workflow tasks, references
and log entries that point at those rows keep pointing at the same models.
"""


def move_content_types(from_app, to_app, models):
    """A RunPython operation's (forwards, backwards) pair that relabels `models`' content types."""

    def relabel(apps, source, target):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        for model in models:
            old = ContentType.objects.filter(app_label=source, model=model).first()
            if old is None:
                continue  # a fresh database: the rows are made after migrating
            # A post_migrate handler (Wagtail's snippet permissions) may already
            # have made the new row for the model it knows by its new label. The
            # old row is the one groups' permissions and tasks point at: it stays,
            # and the new one's permissions join it or go if it has them already.
            new = ContentType.objects.filter(app_label=target, model=model).first()
            if new is not None:
                held = set(Permission.objects.filter(content_type=old).values_list("codename", flat=True))
                Permission.objects.filter(content_type=new, codename__in=held).delete()
                Permission.objects.filter(content_type=new).update(content_type=old)
                new.delete()
            old.app_label = target
            old.save(update_fields=["app_label"])

    def forwards(apps, schema_editor):
        relabel(apps, from_app, to_app)

    def backwards(apps, schema_editor):
        relabel(apps, to_app, from_app)

    return forwards, backwards
