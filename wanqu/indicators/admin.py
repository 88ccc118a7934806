from wanqu.core.admin import register
from wanqu.indicators.models import Indicator, Observation, Target

register(Indicator, list_display=["code", "name", "unit", "aggregation", "direction"])
register(Target, list_display=["indicator", "due_on", "qualifier", "value"])
register(
    Observation,
    list_display=["indicator", "period_end", "scope", "qualifier", "value", "source"],
    list_filter=["indicator", "scope"],
)
