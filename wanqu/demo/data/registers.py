"""Platforms, major projects, rule-alignment items (湾区通) and the policy innovation reserve.

Geometries are GeoJSON with rough WGS-84 coordinates [longitude, latitude], drawn by hand for
the demo map; they are not survey data.
"""

from __future__ import annotations

from typing import Any


def point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def line(*coords: tuple[float, float]) -> dict[str, Any]:
    return {"type": "LineString", "coordinates": [list(xy) for xy in coords]}


def polygon(*coords: tuple[float, float]) -> dict[str, Any]:
    ring = [list(xy) for xy in coords]
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return {"type": "Polygon", "coordinates": [ring]}


MAINLAND = "mainland"
"""As a rule item's scope: the nine mainland GBA cities."""


PLATFORMS: list[dict[str, Any]] = [
    {
        "code": "nansha",
        "name": "广州南沙粤港澳全面合作示范区",
        "name_en": "Nansha, Guangzhou: Demonstration Zone of Comprehensive Cooperation",
        "level": "national",
        "city": "440100",
        "managing_unit": "gz-nansha",
        "geometry": polygon((113.43, 22.88), (113.62, 22.88), (113.68, 22.72), (113.60, 22.56), (113.42, 22.62)),
        "description": "国家级新区、自贸试验区片区，面向世界的粤港澳全面合作示范区。",
    },
    {
        "code": "qianhai",
        "name": "前海深港现代服务业合作区",
        "name_en": "Qianhai Shenzhen-Hong Kong Modern Service Industry Cooperation Zone",
        "level": "national",
        "city": "440300",
        "managing_unit": "sz-qianhai",
        "geometry": polygon((113.87, 22.56), (113.92, 22.56), (113.93, 22.51), (113.88, 22.50)),
        "description": "深港现代服务业合作的重要平台。",
    },
    {
        "code": "hengqin",
        "name": "横琴粤澳深度合作区",
        "name_en": "Hengqin Guangdong-Macao In-Depth Cooperation Zone",
        "level": "national",
        "city": "440400",
        "managing_unit": "hq-executive",
        "geometry": polygon((113.47, 22.16), (113.55, 22.16), (113.58, 22.11), (113.55, 22.06), (113.48, 22.08)),
        "description": "粤澳共商共建共管共享的深度合作区。",
    },
    {
        "code": "hetao",
        "name": "河套深港科技创新合作区",
        "name_en": "Hetao Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone",
        "level": "national",
        "city": "440300",
        "managing_unit": "sz-gov",
        "geometry": polygon((114.05, 22.53), (114.10, 22.53), (114.10, 22.50), (114.05, 22.51)),
        "description": "“两点”之一，深港科技创新合作的极点。",
    },
    {
        "code": "gd-ftz",
        "name": "中国（广东）自由贸易试验区",
        "name_en": "China (Guangdong) Pilot Free Trade Zone",
        "level": "free_trade",
        "city": None,
        "managing_unit": "gd-commerce",
        "geometry": {
            "type": "MultiPolygon",
            "coordinates": [
                [[[113.45, 22.85], [113.60, 22.85], [113.62, 22.70], [113.47, 22.70], [113.45, 22.85]]],
                [[[113.87, 22.56], [113.92, 22.56], [113.93, 22.48], [113.87, 22.48], [113.87, 22.56]]],
                [[[113.48, 22.15], [113.55, 22.15], [113.56, 22.08], [113.49, 22.08], [113.48, 22.15]]],
            ],
        },
        "description": "南沙、前海蛇口、横琴三个片区。",
    },
    {
        "code": "knowledge-city",
        "name": "中新广州知识城",
        "name_en": "China-Singapore Guangzhou Knowledge City",
        "level": "characteristic",
        "city": "440100",
        "managing_unit": "gz-huangpu",
        "geometry": polygon((113.48, 23.40), (113.58, 23.40), (113.59, 23.31), (113.49, 23.30)),
        "description": "中国与新加坡合作的知识经济平台。",
    },
    {
        "code": "zhuhai-west",
        "name": "珠海西部生态新区",
        "name_en": "Zhuhai Western Ecological New Area",
        "level": "characteristic",
        "city": "440400",
        "managing_unit": "zh-gov",
        "geometry": polygon((113.10, 22.30), (113.34, 22.30), (113.36, 22.06), (113.12, 22.05)),
        "description": "珠海西部的特色合作平台。",
    },
    {
        "code": "binhaiwan",
        "name": "东莞滨海湾新区",
        "name_en": "Dongguan Binhaiwan New Area",
        "level": "characteristic",
        "city": "441900",
        "managing_unit": "dg-binhaiwan",
        "geometry": polygon((113.62, 22.86), (113.70, 22.86), (113.71, 22.78), (113.63, 22.77)),
        "description": "珠江口东岸的特色合作平台。",
    },
    {
        "code": "sanlongwan",
        "name": "佛山三龙湾高端创新集聚区",
        "name_en": "Foshan Sanlongwan High-end Innovation Cluster",
        "level": "characteristic",
        "city": "440600",
        "managing_unit": "fs-sanlongwan",
        "geometry": polygon((113.05, 23.05), (113.20, 23.05), (113.21, 22.94), (113.06, 22.93)),
        "description": "广佛交界的高端创新集聚区。",
    },
    {
        "code": "hengqin-tcm-park",
        "name": "横琴粤澳合作中医药科技产业园",
        "name_en": "Guangdong-Macao Cooperation Traditional Chinese Medicine Science and Technology Industrial Park",
        "level": "park",
        "city": "440400",
        "managing_unit": "hq-executive",
        "geometry": polygon((113.52, 22.13), (113.54, 22.13), (113.54, 22.11), (113.52, 22.11)),
        "description": "粤澳合作发展中医药产业的载体。",
    },
]

# Stages: (stage, date reached, note). The last one is the project's current stage,
# the one the report states.
PROJECTS: list[dict[str, Any]] = [
    {
        "code": "csns",
        "name": "中国（东莞）散裂中子源",
        "name_en": "China Spallation Neutron Source (Dongguan)",
        "kind": "science_facility",
        "cities": ["441900"],
        "lead_unit": "cn-cas",
        "investment": ("2300000000", "CNY"),
        "geometry": point(113.94, 22.92),
        "stages": [("started", "2011-10-20", "开工建设"), ("in_operation", "2018-08-23", "通过国家验收，正式投入运行")],
    },
    {
        "code": "hiaf",
        "name": "惠州强流重离子加速器",
        "name_en": "High-Intensity heavy-ion Accelerator Facility (Huizhou)",
        "kind": "science_facility",
        "cities": ["441300"],
        "lead_unit": "cn-cas",
        "geometry": point(114.83, 22.75),
        "stages": [("started", "2018-12-23", "中科院惠州“强流重离子加速器”正式开工建设")],
    },
    {
        "code": "nansha-bridge",
        "name": "南沙大桥",
        "name_en": "Nansha Bridge",
        "kind": "bridge",
        "cities": ["440100", "441900"],
        "lead_unit": "gd-transport",
        "investment": ("11180000000", "CNY"),
        "geometry": line((113.50, 22.80), (113.56, 22.82), (113.63, 22.86)),
        "stages": [("started", "2013-12-28", "开工建设"), ("opened", "2019-04-02", "正式通车")],
    },
    {
        "code": "sui-guan-shen-intercity",
        "name": "穗莞深城际",
        "name_en": "Guangzhou-Dongguan-Shenzhen Intercity Railway",
        "kind": "railway",
        "cities": ["440100", "441900", "440300"],
        "lead_unit": "gd-transport",
        "geometry": line((113.61, 23.13), (113.74, 23.02), (113.78, 22.85), (113.81, 22.64)),
        "stages": [
            ("under_construction", "2015-06-30", "全线加快建设"),
            ("opened", "2019-12-15", "新塘至深圳机场段正式通车"),
        ],
    },
    {
        "code": "shenzhen-zhongshan-link",
        "name": "深中通道",
        "name_en": "Shenzhen-Zhongshan Link",
        "kind": "road",
        "cities": ["440300", "442000"],
        "lead_unit": "gd-transport",
        "investment": ("44690000000", "CNY"),
        "geometry": line((113.80, 22.62), (113.68, 22.57), (113.57, 22.49)),
        "stages": [("preparatory", "2015-12-01", "前期工作"), ("started", "2016-12-30", "开工建设")],
    },
    {
        "code": "guangzhou-zhanjiang-hsr",
        "name": "广湛高铁",
        "name_en": "Guangzhou-Zhanjiang High-Speed Railway",
        "kind": "railway",
        "cities": ["440100", "440600"],
        "lead_unit": "gd-drc",
        "geometry": line(
            (113.27, 23.13), (113.00, 23.02), (112.20, 22.70), (111.60, 22.18), (110.92, 21.66), (110.36, 21.27)
        ),
        "stages": [("preparatory", "2018-06-30", "前期工作"), ("started", "2019-12-28", "开工建设")],
    },
    {
        "code": "ganzhou-shenzhen-hsr",
        "name": "赣深高铁",
        "name_en": "Ganzhou-Shenzhen High-Speed Railway",
        "kind": "railway",
        "cities": ["441300", "441900", "440300"],
        "lead_unit": "gd-drc",
        "geometry": line((114.93, 25.83), (114.70, 23.74), (114.41, 23.11), (114.15, 22.85), (114.03, 22.61)),
        "stages": [("started", "2016-12-29", "开工建设"), ("under_construction", "2019-06-30", "加快建设")],
    },
    {
        "code": "guangzhou-shanwei-shantou-hsr",
        "name": "广汕汕高铁",
        "name_en": "Guangzhou-Shanwei-Shantou High-Speed Railway",
        "kind": "railway",
        "cities": ["440100", "441300"],
        "lead_unit": "gd-drc",
        "geometry": line((113.61, 23.13), (114.41, 23.11), (115.37, 22.79), (116.68, 23.35)),
        "stages": [("started", "2018-12-01", "广州至汕尾段开工"), ("under_construction", "2019-12-31", "加快建设")],
    },
    {
        "code": "huanggang-port",
        "name": "皇岗口岸重建工程",
        "name_en": "Huanggang Port Reconstruction",
        "kind": "port",
        "cities": ["440300"],
        "lead_unit": "sz-ports",
        "geometry": point(114.07, 22.52),
        "stages": [("preparatory", "2019-06-30", "前期工作"), ("started", "2020-07-01", "重建工程启动")],
    },
    {
        "code": "hkust-gz",
        "name": "香港科技大学（广州）",
        "name_en": "The Hong Kong University of Science and Technology (Guangzhou)",
        "kind": "campus",
        "cities": ["440100"],
        "lead_unit": "gz-nansha",
        "platform": "nansha",
        "geometry": point(113.49, 22.90),
        "stages": [("started", "2019-09-26", "启动建设")],
    },
]

# Rule-alignment items. statuses: jurisdiction → (status, position, since).
RULE_ITEMS: list[dict[str, Any]] = [
    {
        "code": "iit-overseas-talent",
        "name": "境外高端紧缺人才个人所得税优惠政策",
        "name_en": "Preferential individual income tax for high-end overseas talent",
        "domain": "tax",
        "lead_unit": "gd-finance",
        "effective_on": "2019-01-01",
        "scope_cities": MAINLAND,
        "statuses": {"GD": ("implemented", "全面落实，按内地与香港个人所得税税负差额给予补贴。", "2019-06-17")},
        "instruments": [("GD", "关于贯彻落实粤港澳大湾区个人所得税优惠政策的通知", "粤财税〔2019〕2号", "2019-06-17")],
    },
    {
        "code": "food-direct-release",
        "name": "港澳原产食品直通放行",
        "name_en": "Direct release of food originating in Hong Kong and Macao",
        "domain": "food_safety",
        "lead_unit": "gd-customs",
        "statuses": {
            "GD": ("implemented", "对港澳原产食品实施直通放行模式。", None),
            "HK": ("agreed", "配合提供原产地及檢測資料。", None),
            "MO": ("agreed", "配合提供原產地及檢測資料。", None),
        },
    },
    {
        "code": "single-e-lock",
        "name": "跨境一锁",
        "name_en": "Cross-boundary single e-lock",
        "domain": "customs",
        "lead_unit": "gd-customs",
        "scope_cities": MAINLAND,
        "statuses": {
            "GD": ("implemented", "便利货车跨境通关模式在大湾区内地九市全面实施。", None),
            "HK": ("implemented", "香港海關「跨境一鎖計劃」與內地海關對接。", None),
        },
    },
    {
        "code": "cross-border-remittance",
        "name": "跨境付汇便利化",
        "name_en": "Faster cross-border remittance",
        "domain": "finance",
        "lead_unit": "gd-pbc",
        "statuses": {"GD": ("implemented", "跨境付汇时间缩短至5分钟以内。", None)},
    },
    {
        "code": "macao-single-plate",
        "name": "澳门单牌车进入横琴",
        "name_en": "Macao single-plate vehicles entering Hengqin",
        "domain": "transport",
        "lead_unit": "gd-police",
        "scope_cities": ["440400"],
        "statuses": {
            "GD": ("implemented", "政策落地，澳门单牌车可经横琴口岸入出横琴。", None),
            "MO": ("implemented", "交通事務局受理單牌車入出橫琴申請。", None),
        },
    },
    {
        "code": "hengqin-port-jurisdiction",
        "name": "横琴口岸澳方口岸区管辖",
        "name_en": "Macao jurisdiction over the Macao port area of Hengqin port",
        "domain": "customs",
        "lead_unit": "gd-hmo",
        "effective_on": "2019-10-26",
        "scope_cities": ["440400"],
        "statuses": {
            "CN": ("authorised", "全国人大常委会授权澳门特别行政区实施管辖。", "2019-10-26"),
            "GD": ("authorised", "配合做好横琴口岸澳方口岸区交接。", "2019-10-26"),
            "MO": ("authorised", "依照澳門特別行政區法律對澳方口岸區及相關延伸區實施管轄。", "2019-10-26"),
        },
        "instruments": [
            (
                "CN",
                "全国人民代表大会常务委员会关于授权澳门特别行政区对横琴口岸澳方口岸区及相关延伸区实施管辖的决定",
                "",
                "2019-10-26",
            )
        ],
    },
    {
        "code": "startup-subsidy",
        "name": "港澳创业者纳入内地创业补贴扶持范围",
        "name_en": "Hong Kong and Macao entrepreneurs covered by start-up subsidies",
        "domain": "employment",
        "lead_unit": "gd-hrss",
        "scope_cities": MAINLAND,
        "statuses": {
            "GD": ("implemented", "港澳创业者享受与内地创业者同等的创业补贴。", None),
            "HK": ("not_applicable", "", None),
            "MO": ("not_applicable", "", None),
        },
    },
    {
        "code": "public-institution-recruitment",
        "name": "事业单位公开招聘港澳居民",
        "name_en": "Public institutions recruiting Hong Kong and Macao residents",
        "domain": "employment",
        "lead_unit": "gd-hrss",
        "statuses": {"GD": ("issued", "印发实施大湾区事业单位公开招聘港澳居民管理办法。", None)},
        "instruments": [("GD", "广东省事业单位公开招聘港澳居民管理办法", "", None)],
    },
    {
        "code": "hkmo-medical-insurance",
        "name": "港澳医保在指定医疗机构直接支付",
        "name_en": "Hong Kong and Macao medical insurance at designated institutions",
        "domain": "health",
        "lead_unit": "gd-medical",
        "statuses": {
            "GD": ("implemented", "允许港澳人士选定数家定点医疗机构，使用港澳医保直接支付医疗费用。", None),
            "HK": ("agreed", "", None),
            "MO": ("agreed", "", None),
        },
    },
    {
        "code": "hkmo-universities-st-programmes",
        "name": "港澳高校和科研机构参与省财政科技计划",
        "name_en": "HK and Macao universities and research institutes in provincial fiscal S&T programmes",
        "domain": "science",
        "lead_unit": "gd-st",
        "statuses": {
            "GD": ("implemented", "省、市科研项目财政资金可跨境拨付。", None),
            "HK": ("agreed", "", None),
            "MO": ("agreed", "", None),
        },
    },
    {
        "code": "sz-gz-fast-track",
        "name": "支持深圳、广州特事特办工作机制",
        "name_en": "Fast-track mechanism for Shenzhen and Guangzhou; more autonomy for both",
        "domain": "governance",
        "lead_unit": "gba-office",
        "scope_cities": ["440100", "440300"],
        "statuses": {"GD": ("implemented", "建立特事特办工作机制，赋予两市更大改革发展自主权。", None)},
    },
    # The next steps: the first batch of policy-interoperability items (under way)
    {
        "code": "telecom-roaming",
        "name": "大湾区跨境通讯资费优惠",
        "name_en": "Lower cross-boundary mobile roaming charges in the GBA",
        "domain": "telecoms",
        "lead_unit": "gd-comms",
        "statuses": {
            "GD": ("under_study", "研究降低跨境漫游资费。", None),
            "HK": ("under_study", "", None),
            "MO": ("not_started", "", None),
        },
    },
    {
        "code": "social-security-portability",
        "name": "港澳居民在粤参加社会保险",
        "name_en": "Hong Kong and Macao residents in Guangdong's social insurance",
        "domain": "social_security",
        "lead_unit": "gd-hrss",
        "statuses": {
            "GD": ("issued", "港澳居民可在粤参加养老、医疗等社会保险。", None),
            "HK": ("under_study", "", None),
            "MO": ("under_study", "研究與社會保障基金的銜接。", None),
        },
    },
    {
        "code": "cross-border-ambulance",
        "name": "大湾区跨境救护车互通",
        "name_en": "Cross-boundary ambulance transfers in the GBA",
        "domain": "health",
        "lead_unit": "gd-health",
        "statuses": {
            "GD": ("under_study", "研究建立跨境救护车互通机制及跨境医疗转运绿色通道。", None),
            "HK": ("under_study", "", None),
            "MO": ("under_study", "", None),
        },
    },
    {
        "code": "cooperative-inspection",
        "name": "“合作查验、一次放行”通关模式",
        "name_en": "Cooperative inspection, one-time release clearance",
        "domain": "customs",
        "lead_unit": "gd-customs",
        "statuses": {
            "GD": ("agreed", "在横琴、港珠澳大桥口岸探索推广。", None),
            "HK": ("under_study", "", None),
            "MO": ("agreed", "", None),
        },
    },
]

POLICY_IDEAS: list[dict[str, Any]] = [
    {
        "code": "idea-medical-insurance",
        "title": "港澳居民在粤就医使用港澳医保直接结算",
        "title_en": "Direct settlement with Hong Kong and Macao medical insurance in Guangdong",
        "proposal": "允许港澳人士选定若干内地定点医疗机构，就医费用由港澳医保直接支付。",
        "proposer": "gd-medical",
        "proposed_on": "2019-05-10",
        "assessment": "经评估可行，已转为规则衔接事项组织实施。",
        "state": "adopted",
        "rule_item": "hkmo-medical-insurance",
    },
    {
        "code": "idea-data-flow",
        "title": "大湾区跨境数据有序流动试点",
        "title_en": "A pilot for orderly cross-boundary data flows in the GBA",
        "proposal": "在前海、横琴探索科研数据跨境流动的安全评估与备案机制。",
        "proposer": "gd-comms",
        "proposed_on": "2020-03-02",
        "assessment": "涉及数据安全与个人信息保护，正会同有关部门评估。",
        "state": "assessing",
    },
    {
        "code": "idea-professional-qualifications",
        "title": "扩大港澳专业人士跨境执业资格认可范围",
        "title_en": "Wider recognition of Hong Kong and Macao professional qualifications",
        "proposal": "在建筑、医疗、法律等领域扩大港澳专业人士在大湾区内地九市执业的资格认可。",
        "proposer": "gd-hrss",
        "proposed_on": "2020-05-18",
        "state": "proposed",
    },
    {
        "code": "idea-unified-e-payment",
        "title": "大湾区统一跨境电子支付标准",
        "title_en": "A single cross-boundary e-payment standard for the GBA",
        "proposal": "推动三地电子支付采用统一标准，实现一码通行。",
        "proposer": "gd-pbc",
        "proposed_on": "2019-09-12",
        "assessment": "涉及国家金融监管事权，现阶段暂不推进。",
        "state": "shelved",
    },
]
