from wanqu.core.admin import register
from wanqu.reports.models import Report, ReportFile

register(Report, list_display=["title", "lang", "as_of", "state", "edition", "sha256"], list_filter=["state", "lang"])
register(ReportFile, list_display=["report", "format", "state", "size"], list_filter=["format", "state"])
