"""Plan documents with a few clauses each, and the programme's seven work areas.

A clause is (title, English title, children); its ordinal is its position among its siblings.
Tasks name clauses as "plan-code:1.2" (the 2nd child of the 1st top-level clause).
"""

from __future__ import annotations

from typing import Any

Clause = tuple[str, str, list[Any]]


def c(title: str, title_en: str, *children: Clause) -> Clause:
    return (title, title_en, list(children))


PLANS: list[dict[str, Any]] = [
    {
        "code": "gba-outline",
        "name": "粤港澳大湾区发展规划纲要",
        "name_en": "Outline Development Plan for the Guangdong-Hong Kong-Macao Greater Bay Area",
        "kind": "outline",
        "status": "in_force",
        "issuer": "cn-state-council",
        "issued_on": "2019-02-18",
        "summary": "中共中央、国务院印发，近期至2022年，远期展望到2035年。",
        "clauses": [
            c("规划背景", "Background"),
            c("总体要求", "General requirements"),
            c("空间布局", "Spatial layout"),
            c(
                "建设国际科技创新中心",
                "Building an international innovation and technology hub",
                c("构建开放型区域协同创新共同体", "An open regional community for collaborative innovation"),
                c("打造高水平科技创新载体和平台", "High-level innovation carriers and platforms"),
                c("优化区域创新环境", "A better regional environment for innovation"),
            ),
            c(
                "加快基础设施互联互通",
                "Faster infrastructure connectivity",
                c("构建现代化的综合交通运输体系", "A modern comprehensive transport system"),
                c("优化提升信息基础设施", "Better information infrastructure"),
            ),
            c(
                "构建具有国际竞争力的现代产业体系",
                "An internationally competitive modern industrial system",
                c("加快发展先进制造业", "Advanced manufacturing"),
                c("培育壮大战略性新兴产业", "Strategic emerging industries"),
            ),
            c(
                "建设宜居宜业宜游的优质生活圈",
                "A quality living circle for living, working and travelling",
                c("打造教育和人才高地", "A hub of education and talent"),
                c("拓展就业创业空间", "More room for employment and entrepreneurship"),
                c("塑造健康湾区", "A healthy Bay Area"),
            ),
            c(
                "共建粤港澳合作发展平台",
                "Joint platforms for Guangdong-Hong Kong-Macao cooperation",
                c(
                    "优化提升深圳前海深港现代服务业合作区功能",
                    "Qianhai Shenzhen-Hong Kong modern service industry zone",
                ),
                c(
                    "打造广州南沙粤港澳全面合作示范区",
                    "Nansha, Guangzhou: a demonstration zone of comprehensive cooperation",
                ),
                c("推进珠海横琴粤港澳深度合作示范", "Hengqin, Zhuhai: a demonstration of in-depth cooperation"),
                c("发展特色合作平台", "Characteristic cooperation platforms"),
            ),
        ],
    },
    {
        "code": "gd-opinions",
        "name": "广东省贯彻落实《粤港澳大湾区发展规划纲要》的实施意见",
        "name_en": "Guangdong's Implementation Opinions on the Outline Development Plan for the GBA",
        "kind": "opinions",
        "status": "issued",
        "issuer": "gba-leading-group",
        "issued_on": "2019-07-05",
        "summary": "明确全省推进大湾区建设的总体要求、重点任务和保障措施。",
        "clauses": [
            c("总体要求", "General requirements"),
            c(
                "重点任务",
                "Key tasks",
                c("推进规则衔接，促进要素便捷流动", "Rule alignment for an easy flow of factors"),
                c("建设国际科技创新中心", "An international innovation and technology hub"),
                c("推进基础设施互联互通", "Infrastructure connectivity"),
                c("构建具有国际竞争力的现代产业体系", "A competitive modern industrial system"),
                c("建设宜居宜业宜游的优质生活圈", "A quality living circle"),
                c("加快重大合作平台建设", "Major cooperation platforms"),
            ),
            c("保障措施", "Safeguards"),
        ],
    },
    {
        "code": "gd-three-year-plan",
        "name": "广东省推进粤港澳大湾区建设三年行动计划（2018—2020年）",
        "name_en": "Guangdong Three-Year Action Plan for Advancing the GBA (2018-2020)",
        "kind": "action_plan",
        "status": "issued",
        "issuer": "gba-leading-group",
        "issued_on": "2019-07-05",
        "summary": "按年度分解重点任务，明确牵头单位和完成时限。",
        "clauses": [
            c("行动目标", "Objectives"),
            c(
                "重点行动",
                "Key actions",
                c("“湾区通”规则衔接行动", "Bay Area Connect rule alignment"),
                c("科技创新走廊建设行动", "Innovation corridor"),
                c("交通互联互通行动", "Transport connectivity"),
                c("港澳青年创新创业行动", "Hong Kong and Macao youth entrepreneurship"),
            ),
        ],
    },
    {
        "code": "gd-measures",
        "name": "广东省推进粤港澳大湾区建设若干措施",
        "name_en": "Guangdong Measures for Advancing the Greater Bay Area",
        "kind": "measures",
        "status": "issued",
        "issuer": "gba-leading-group",
        "issued_on": "2019-11-20",
        "summary": "便利港澳居民在粤发展、促进要素流动的若干具体措施。",
        "clauses": [
            c("便利港澳居民在粤就业创业", "Easier work and business in Guangdong for HK and Macao residents"),
            c("支持港澳高校和科研机构参与省财政科技计划", "HK and Macao universities in provincial S&T programmes"),
            c("便利港澳居民在粤就医", "Easier medical care in Guangdong for HK and Macao residents"),
        ],
    },
    {
        "code": "gba-infrastructure-plan",
        "name": "粤港澳大湾区基础设施互联互通专项规划",
        "name_en": "Special Plan for Infrastructure Connectivity in the GBA",
        "kind": "special_plan",
        "status": "issued",
        "issuer": "cn-ndrc",
        "issued_on": None,
        "summary": "配合国家编制完成的大湾区基础设施互联互通专项规划。",
        "clauses": [
            c(
                "交通基础设施",
                "Transport infrastructure",
                c("跨珠江口通道", "Pearl River Estuary crossings"),
                c("城际铁路网络", "Intercity railway network"),
                c("世界级机场群和港口群", "World-class airport and port clusters"),
            ),
            c("口岸基础设施", "Boundary-crossing infrastructure"),
        ],
    },
    {
        "code": "sz-pilot-measures",
        "name": "支持深圳建设中国特色社会主义先行示范区若干重大措施",
        "name_en": "Major Measures Supporting Shenzhen's Pilot Demonstration Zone",
        "kind": "measures",
        "status": "issued",
        "issuer": "gba-leading-group",
        "issued_on": "2020-04-20",
        "summary": "全力支持深圳建设中国特色社会主义先行示范区。",
        "clauses": [
            c("支持深圳实施综合授权改革试点", "A comprehensive authorisation reform pilot for Shenzhen"),
            c("赋予深圳更加充分的省级经济社会管理权限", "Fuller provincial economic and social powers for Shenzhen"),
            c("以深圳为主阵地建设综合性国家科学中心", "A comprehensive national science centre based in Shenzhen"),
        ],
    },
    {
        "code": "gz-four-highlights",
        "name": "广州市推动“四个出新出彩”行动方案",
        "name_en": "Guangzhou Action Plan for the Four New Highlights",
        "kind": "action_plan",
        "status": "issued",
        "issuer": "gz-gov",
        "issued_on": "2019-12-30",
        "summary": "推动广州实现老城市新活力和“四个出新出彩”。",
        "clauses": [
            c("综合城市功能出新出彩", "New highlights in comprehensive city functions"),
            c("城市文化综合实力出新出彩", "New highlights in cultural strength"),
            c("现代服务业出新出彩", "New highlights in modern services"),
            c("现代化国际化营商环境出新出彩", "New highlights in a modern, international business environment"),
        ],
    },
]

# code, name, English name — in the order of the report's part II (一)…(七)
AREAS = [
    ("rules", "规则衔接", "Rule alignment"),
    ("innovation", "国际科技创新中心", "International innovation and technology hub"),
    ("infrastructure", "基础设施互联互通", "Infrastructure connectivity"),
    ("industry", "现代产业体系", "Modern industrial system"),
    ("livelihood", "民生领域合作", "Livelihood cooperation"),
    ("platforms", "重点合作平台", "Key cooperation platforms"),
    ("sz-gz", "支持深圳广州", "Supporting Shenzhen and Guangzhou"),
]
