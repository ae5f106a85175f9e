"""
Wagtail emails the members of a group approval task's groups when something
is submitted to it. For a per-language task (translation_workflow.models.LanguageGroupApprovalTask)
that would tell every language's moderators about every submission, titles
included: only those who may moderate the item, in its language, are told.
"""

from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

# Wagtail's own receiver, replaced by ours under the same name (wagtail.admin.signal_handlers).
DISPATCH_UID = "group_approval_task_submitted_email_notification"


class LanguageTaskSubmissionEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        task = task_state.task.specific
        may_moderate = getattr(task, "may_moderate", None)
        if may_moderate is None:
            return recipients
        item = task_state.workflow_state.content_object
        return [user for user in recipients.distinct() if may_moderate(item, user)]


notifier = LanguageTaskSubmissionEmailNotifier()


def connect():
    # Whichever app is ready first, Wagtail's receiver ends up replaced: a
    # receiver with the same dispatch_uid is not connected twice.
    task_submitted.disconnect(sender=TaskState, dispatch_uid=DISPATCH_UID)
    task_submitted.connect(notifier, sender=TaskState, dispatch_uid=DISPATCH_UID)
