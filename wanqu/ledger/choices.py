from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    DONE = "done", _("done")
    SUSPENDED = "suspended", _("suspended")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    HALF_YEAR = "half_year", _("half-year")
    YEAR = "year", _("year")


class RoundState(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class UpdateState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned")
    ACCEPTED = "accepted", _("accepted")


class NoticeKind(models.TextChoices):
    SUPERVISION = "supervision", _("supervision notice")
    CONSULTATION = "consultation", _("consultation follow-up")


class NoticeGrade(models.TextChoices):
    BLUE = "blue", _("blue (near due)")
    YELLOW = "yellow", _("yellow (behind schedule or poor quality)")
    RED = "red", _("red (overdue)")


class NoticeState(models.TextChoices):
    OPEN = "open", _("awaiting reply")
    CLOSED = "closed", _("closed")


class ChangeRequestState(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


GRADE_ORDER = {"": 0, NoticeGrade.BLUE: 1, NoticeGrade.YELLOW: 2, NoticeGrade.RED: 3}
