from wanqu.core.admin import register
from wanqu.plans.models import Area, Clause, Plan

register(Plan, list_display=["code", "name", "kind", "status", "issued_on"], list_filter=["kind", "status"])
register(Clause, list_display=["plan", "path", "__str__"], list_filter=["plan"], search_fields=["title", "text"])
register(Area, list_display=["order", "code", "name", "name_en"])
