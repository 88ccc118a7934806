"""Who sees which reports: the office sees drafts too; Guangdong-side members see the published
ones. A report covers every task, so Hong Kong and Macao counterparts, who see only shared
tasks, do not get it."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from wanqu.org.permissions import scope_of
from wanqu.reports.choices import ReportState
from wanqu.reports.models import Report


def reports_visible_to(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Report]:
    scope = scope_of(user)
    if scope.is_office:
        return Report.objects.all()
    if scope.is_member and not scope.is_counterpart:
        return Report.objects.filter(state=ReportState.PUBLISHED)
    return Report.objects.none()


def get_report_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> Report:
    """The report if the user may see it; "not found" either way, so drafts stay unseen."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report
