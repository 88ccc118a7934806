"""The ledger as an .xlsx workbook: the filtered view, one row per task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from wanqu.ledger.filtersets import display_name
from wanqu.ledger.models import Task

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filename(on: dt.date) -> str:
    return f"wanqu-ledger-{on:%Y%m%d}.xlsx"


def tasks_workbook(tasks: Iterable[Task], on: dt.date) -> bytes:
    """One sheet: a header row, then the tasks in the order given."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Task ledger")[:31]
    headers = [
        _("Code"),
        _("Task"),
        _("English title"),
        _("Work area"),
        _("Lead unit"),
        _("Supporting units"),
        _("Special group"),
        _("Start date"),
        _("Due date"),
        _("Status"),
        _("Overdue"),
        _("Progress (%)"),
        _("Completed on"),
    ]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for task in tasks:
        sheet.append(
            [
                task.code,
                task.title,
                task.title_en,
                display_name(task.area),
                display_name(task.lead_unit),
                "; ".join(display_name(u) for u in task.supporting_units.all()),
                display_name(task.special_group) if task.special_group else "",
                task.start_date,
                task.due_date,
                str(task.get_status_display()),
                _("yes") if task.is_overdue(on) else "",
                task.progress,
                task.completed_on,
            ]
        )
    for column, width in zip("ABCDEFGHIJKLM", [14, 48, 40, 18, 24, 30, 18, 12, 12, 10, 8, 10, 12], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
