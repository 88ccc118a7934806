from wanqu.core.admin import register
from wanqu.org.models import Membership, Unit

register(
    Unit,
    list_display=["code", "name", "kind", "jurisdiction", "parent"],
    list_filter=["kind", "jurisdiction"],
    search_fields=["code", "name", "name_en", "name_key"],
)
register(Membership, list_display=["user", "unit", "role"], list_filter=["role"])
