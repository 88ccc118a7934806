"""The reporting rounds' updates and the supervision notices of the demo ledger.

The open round is the current quarter's; the closed one is the previous quarter's. Offsets are
days from the day the demo is loaded.
"""

from __future__ import annotations

from typing import Any

# Updates in the open round: task → (state, progress, problems, next steps, return reason).
OPEN_UPDATES: dict[str, tuple[str, str, str, str, str]] = {
    "GBA-2-29": (
        "draft",
        "已透過政府新聞處及駐粵辦事處宣傳惠港政策措施，並與省港澳辦對接配套安排。",
        "部分措施的申請指引仍待內地部門公布。",
        "下月舉辦大灣區政策簡介會。",
        "",
    ),
    "GBA-2-42": (
        "draft",
        "新一代信息技术、生物医药产业集群培育方案已起草。",
        "重大项目用地指标紧张。",
        "报市政府审定。",
        "",
    ),
    "GBA-2-16": ("draft", "赣深高铁联调联试准备工作已启动。", "个别路段征地拆迁滞后。", "协调沿线各市加快征拆。", ""),
    "GBA-2-24": (
        "submitted",
        "试验区总体方案已报省政府，人工智能产业园区完成选址。",
        "",
        "配合省有关部门完成方案审查。",
        "",
    ),
    "GBA-2-09": ("submitted", "“两廊”创新节点建设方案完成征求意见。", "", "推动创新节点与港澳高校对接。", ""),
    "GBA-2-19": ("submitted", "港澳机动车入出内地便利措施实施细则完成起草。", "", "征求港澳方面意见。", ""),
    "GBA-2-03": (
        "submitted",
        "交通领域首批政策互通事项清单已形成，拟于近期发布。",
        "与香港方面就部分事项的牌照互认仍在协商。",
        "按期发布首批事项。",
        "",
    ),
    "GBA-2-34": (
        "returned",
        "南沙示范区建设有序推进。",
        "",
        "继续推进。",
        "进展描述过于笼统，请补充本季度落地项目数量、投资额等量化数据后重新报送。",
    ),
    "GBA-2-31": (
        "returned",
        "与港澳卫生部门多次沟通跨境救护车互通机制。",
        "机制尚未建立，任务已超期。",
        "继续沟通。",
        "任务已超期，请说明超期原因、整改措施和预计完成时间。",
    ),
    "GBA-2-02": ("accepted", "首批食品安全政策互通事项已全部落地实施。", "", "开展实施效果评估。", ""),
    "GBA-2-11": ("accepted", "三批10家省实验室建设全部启动，中期评估完成。", "", "做好绩效评价。", ""),
    "GBA-2-15": ("accepted", "深中通道主体工程建设加快推进，海底隧道沉管安装有序推进。", "", "确保节点工期。", ""),
    "GBA-2-35": ("accepted", "前海合作区扩区方案落地实施。", "", "推进深港现代服务业合作项目。", ""),
}

# Tasks with an accepted update in the closed round of the previous quarter.
CLOSED_UPDATES = [
    "GBA-2-02",
    "GBA-2-09",
    "GBA-2-11",
    "GBA-2-14",
    "GBA-2-18",
    "GBA-2-24",
    "GBA-2-27",
    "GBA-2-34",
    "GBA-2-35",
    "GBA-2-39",
]

# task, unit, kind, grade, reason, issued, reply due, reply, replied, state (offsets from today)
NOTICES: list[dict[str, Any]] = [
    {
        "task": "GBA-2-04",
        "unit": "gd-comms",
        "kind": "supervision",
        "grade": "red",
        "reason": (
            "该任务已超过完成时限，通讯领域首批政策互通事项尚未推出。"
            "请于5个工作日内书面报告超期原因、整改措施和完成时限。"
        ),
        "issued": -7,
        "reply_due": 3,
    },
    {
        "task": "GBA-2-38",
        "unit": "gz-huangpu",
        "kind": "supervision",
        "grade": "yellow",
        "reason": "知识城合作项目落地进度滞后于计划。",
        "issued": -40,
        "reply_due": -30,
        "reply": "已制定项目落地攻坚方案，逐个项目明确责任人和时间节点。",
        "replied": -32,
        "state": "closed",
    },
    {
        "task": "GBA-2-15",
        "unit": "gd-transport",
        "kind": "supervision",
        "grade": "blue",
        "reason": "任务临近完成时限，请确保按期完成并及时报送进展。",
        "issued": -2,
        "reply_due": 7,
    },
    {
        "task": "GBA-2-30",
        "unit": "hk-cmab",
        "kind": "consultation",
        "grade": "",
        "reason": "就港澳居民在粤享有本地市民待遇的配套安排，诚请港方反馈对医保、教育衔接事项的意见。",
        "issued": -5,
        "reply_due": 10,
    },
]
