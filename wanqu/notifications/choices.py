from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    REMINDER = "reminder", _("reminder")
    CHASE = "chase", _("chase")
    FOLLOW_UP = "follow_up", _("consultation follow-up")
    SUBMITTED = "submitted", _("update submitted")
    RETURNED = "returned", _("update returned")
    ACCEPTED = "accepted", _("update accepted")
    REOPENED = "reopened", _("update reopened")
    NOTICE = "notice", _("supervision notice")
    CONSULTATION = "consultation", _("consultation follow-up note")
    ESCALATED = "escalated", _("notice escalated")
    NOTICE_DUE = "notice_due", _("notice reply due")
    REPLIED = "replied", _("notice replied")
    CHANGE_REQUEST = "change_request", _("change request")
    CHANGE_DECIDED = "change_decided", _("change request decided")


# What each kind says; the parameters come from the notification's `params`.
TEXTS: dict[str, Any] = {
    Kind.REMINDER: _("Reminder: the update on %(task)s for %(round)s is due on %(due)s."),
    Kind.CHASE: _("Chase (催办): the update on %(task)s for %(round)s was due on %(due)s and is late."),
    Kind.FOLLOW_UP: _(
        "Follow-up: we would be grateful for your update on %(task)s for %(round)s, which was due on %(due)s."
    ),
    Kind.SUBMITTED: _("%(unit)s submitted the update on %(task)s for %(round)s; it awaits review."),
    Kind.RETURNED: _("The update on %(task)s for %(round)s was returned: %(reason)s"),
    Kind.ACCEPTED: _("The update on %(task)s for %(round)s was accepted."),
    Kind.REOPENED: _("The office reopened the update on %(task)s for %(round)s: %(reason)s"),
    Kind.NOTICE: _("Supervision notice (%(grade)s) on %(task)s: %(reason)s Reply by %(due)s."),
    Kind.CONSULTATION: _("Consultation follow-up on %(task)s: %(reason)s We would welcome your reply by %(due)s."),
    Kind.ESCALATED: _("The notice on %(task)s was escalated to %(grade)s: %(reason)s Reply by %(due)s."),
    Kind.NOTICE_DUE: _("The reply to the notice on %(task)s is due on %(due)s."),
    Kind.REPLIED: _("%(unit)s replied to the notice on %(task)s."),
    Kind.CHANGE_REQUEST: _("%(unit)s asks to change the definition of %(task)s."),
    Kind.CHANGE_DECIDED: _("Your change request on %(task)s was %(state)s."),
}
