from wanqu.core.admin import register
from wanqu.web.models import Preference

register(Preference, list_display=["user", "language"])
