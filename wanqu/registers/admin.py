from wanqu.core.admin import register
from wanqu.registers.models import (
    Instrument,
    JurisdictionStatus,
    Platform,
    PolicyIdea,
    Project,
    ProjectStage,
    RuleItem,
)

register(
    Project,
    list_display=["code", "name", "kind", "stage", "investment_amount", "investment_currency"],
    list_filter=["kind", "stage"],
    search_fields=["code", "name", "name_en", "name_key"],
    filter_horizontal=["cities"],
)
register(ProjectStage, list_display=["project", "stage", "reached_on"])
register(
    RuleItem,
    list_display=["code", "name", "domain", "lead_unit"],
    list_filter=["domain"],
    search_fields=["code", "name", "name_en", "name_key"],
    filter_horizontal=["scope_cities"],
)
register(
    JurisdictionStatus, list_display=["rule_item", "jurisdiction", "status"], list_filter=["jurisdiction", "status"]
)
register(Instrument, list_display=["title", "rule_item", "jurisdiction", "issued_on"])
register(PolicyIdea, list_display=["code", "title", "proposer", "state"], list_filter=["state"])
register(
    Platform, list_display=["code", "name", "level", "city"], search_fields=["code", "name", "name_en", "name_key"]
)
