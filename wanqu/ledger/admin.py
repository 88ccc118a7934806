from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wanqu.core.admin import RecordAdmin, register
from wanqu.ledger.models import (
    ChangeRequest,
    Evidence,
    Milestone,
    NoticeEscalation,
    Round,
    RoundObligation,
    SupervisionNotice,
    Task,
    Update,
)
from wanqu.org.permissions import REPORTER_TASK_FIELDS, scope_of


class TaskAdmin(RecordAdmin):
    list_display = ["code", "title", "area", "lead_unit", "special_group", "due_date", "status", "progress"]
    list_filter = ["area", "status", "special_group"]
    search_fields = ["code", "title", "title_en"]
    filter_horizontal = ["clauses", "supporting_units", "platforms", "projects", "rule_items"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        """A reporter updates a task's progress; its definition is the office's."""
        scope = scope_of(request.user)
        if obj is None or scope.is_office or obj.special_group_id in scope.group_ids:
            return ()
        return [
            f.name
            for f in Task._meta.get_fields()
            if getattr(f, "editable", False) and not f.auto_created and f.name not in REPORTER_TASK_FIELDS
        ]


admin.site.register(Task, TaskAdmin)
register(Milestone, list_display=["task", "title", "due_date", "done_on"])
register(Round, list_display=["name", "period_kind", "period_start", "period_end", "due_date", "state"])
register(Update, list_display=["round", "task", "unit", "state", "percent"], list_filter=["state", "round"])
register(
    SupervisionNotice,
    list_display=["task", "unit", "kind", "grade", "issued_on", "reply_due", "state"],
    list_filter=["kind", "grade", "state"],
)
register(RoundObligation, list_display=["round", "task", "unit"], list_filter=["round"])
register(Evidence, list_display=["update", "name", "content_type", "size", "sha256"])
register(NoticeEscalation, list_display=["notice", "at", "from_grade", "to_grade", "reply_due"])
register(ChangeRequest, list_display=["task", "unit", "state", "decided_at"], list_filter=["state"])
