from wanqu.core.admin import register
from wanqu.geo.models import City, Jurisdiction

register(Jurisdiction, list_display=["code", "name", "name_en", "legal_system", "currency"])
register(City, list_display=["code", "name", "name_en", "jurisdiction"], search_fields=["code", "name", "name_en"])
