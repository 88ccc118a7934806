"""Indicators with the report's own figures, read by `parse_quantity` from its wording."""

from __future__ import annotations

from typing import Any

SOURCE = "省大湾区办《广东省推进粤港澳大湾区建设工作情况》"

# The report covers the work from the Outline's issue to its writing (mid-2020, approximately).
PERIOD = ("2019-02-18", "2020-06-30")

# "observations": (report wording, note); "targets": (wording, due on — a date, or "year-end"
# for the end of the year the demo is loaded in).
INDICATORS: list[dict[str, Any]] = [
    {
        "code": "remittance-time",
        "name": "跨境付汇时间",
        "name_en": "Cross-border remittance time",
        "unit": "minute",
        "aggregation": "latest",
        "direction": "down",
        "area": "rules",
        "owner": "gd-pbc",
        "observations": [("5分钟以内", "跨境付汇时间缩短至5分钟以内")],
        "targets": [("3分钟以内", "year-end")],
    },
    {
        "code": "gm-fund-investment",
        "name": "粤澳合作发展基金投资额",
        "name_en": "Guangdong-Macao Cooperation Development Fund investment",
        "unit": "CNY",
        "aggregation": "cumulative",
        "direction": "up",
        "area": "rules",
        "owner": "gd-finance",
        "observations": [("142亿元", "粤澳合作发展基金已投资142亿元")],
        "targets": [("200亿元", "year-end")],
    },
    {
        "code": "gm-fund-projects",
        "name": "粤澳合作发展基金支持项目数",
        "name_en": "Projects supported by the Guangdong-Macao Cooperation Development Fund",
        "unit": "count",
        "aggregation": "cumulative",
        "direction": "up",
        "area": "rules",
        "owner": "gd-finance",
        "observations": [("12个", "支持12个项目建设")],
        "targets": [],
    },
    {
        "code": "provincial-labs",
        "name": "省实验室数量",
        "name_en": "Provincial laboratories",
        "unit": "count",
        "aggregation": "cumulative",
        "direction": "up",
        "area": "innovation",
        "owner": "gd-st",
        "observations": [("10家", "启动建设三批10家省实验室")],
        "targets": [("不少于10家", "year-end")],
    },
    {
        "code": "provincial-lab-batches",
        "name": "省实验室启动批次",
        "name_en": "Batches of provincial laboratories launched",
        "unit": "count",
        "aggregation": "cumulative",
        "direction": "up",
        "area": "innovation",
        "owner": "gd-st",
        "observations": [("3批", "启动建设三批10家省实验室")],
        "targets": [],
    },
    {
        "code": "joint-labs",
        "name": "粤港澳联合实验室数量",
        "name_en": "Guangdong-Hong Kong-Macao joint laboratories",
        "unit": "count",
        "aggregation": "cumulative",
        "direction": "up",
        "area": "innovation",
        "owner": "gd-st",
        "observations": [("10家", "与港澳合作新建10家联合实验室")],
        "targets": [("不少于20家", "year-end")],
    },
    {
        "code": "research-funds-cross-border",
        "name": "科研资金跨境拨付金额",
        "name_en": "Research funds disbursed across the boundary",
        "unit": "CNY",
        "aggregation": "cumulative",
        "direction": "up",
        "area": "innovation",
        "owner": "gd-st",
        "observations": [("超过1亿元", "省、市科研项目财政资金跨境拨付超过1亿元")],
        "targets": [("不少于2亿元", "year-end")],
    },
]
