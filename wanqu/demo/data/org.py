"""Jurisdictions, the 9 + 2 cities, the unit tree and the demo sign-ins."""

from __future__ import annotations

# code, name, English name, legal system, currency, default script
JURISDICTIONS = [
    ("GD", "广东", "Guangdong", "mainland", "CNY", "hans"),
    ("HK", "香港", "Hong Kong SAR", "common_law", "HKD", "hant"),
    ("MO", "澳门", "Macao SAR", "macao_civil", "MOP", "hant"),
    ("CN", "国家", "The State", "mainland", "CNY", "hans"),
]

# official code, name, English name, jurisdiction
CITIES = [
    ("440100", "广州", "Guangzhou", "GD"),
    ("440300", "深圳", "Shenzhen", "GD"),
    ("440400", "珠海", "Zhuhai", "GD"),
    ("440600", "佛山", "Foshan", "GD"),
    ("440700", "江门", "Jiangmen", "GD"),
    ("441200", "肇庆", "Zhaoqing", "GD"),
    ("441300", "惠州", "Huizhou", "GD"),
    ("441900", "东莞", "Dongguan", "GD"),
    ("442000", "中山", "Zhongshan", "GD"),
    ("810000", "香港", "Hong Kong", "HK"),
    ("820000", "澳门", "Macao", "MO"),
]

MAINLAND_CITIES = [code for code, _, _, j in CITIES if j == "GD"]

# The six special groups (the report does not name them; these names are the demo's).
SPECIAL_GROUPS = [
    ("sg-rules", "规则衔接专项小组", "Special Group on Rule Alignment"),
    ("sg-innovation", "科技创新专项小组", "Special Group on Science and Technology Innovation"),
    ("sg-infrastructure", "基础设施互联互通专项小组", "Special Group on Infrastructure Connectivity"),
    ("sg-industry", "现代产业体系专项小组", "Special Group on the Modern Industrial System"),
    ("sg-livelihood", "民生合作专项小组", "Special Group on Livelihood Cooperation"),
    ("sg-platforms", "重大合作平台专项小组", "Special Group on Major Cooperation Platforms"),
]

# code, name, English name, kind, jurisdiction, parent code, city code.
# Parents come before their children. Hong Kong and Macao names are written in Traditional.
UNITS: list[tuple[str, str, str, str, str, str | None, str | None]] = [
    # The coordination mechanism
    (
        "gba-leading-group",
        "省推进粤港澳大湾区建设领导小组",
        "Guangdong Leading Group for Advancing the Greater Bay Area",
        "leading_group",
        "GD",
        None,
        None,
    ),
    ("gba-office", "省大湾区办", "Guangdong Provincial GBA Office", "office", "GD", "gba-leading-group", None),
    *[(code, name, en, "special_group", "GD", "gba-leading-group", None) for code, name, en in SPECIAL_GROUPS],
    # The State
    ("cn-state-council", "中共中央 国务院", "CPC Central Committee and State Council", "state_body", "CN", None, None),
    ("cn-ndrc", "国家发展改革委", "National Development and Reform Commission", "state_body", "CN", None, None),
    ("cn-cas", "中国科学院", "Chinese Academy of Sciences", "institution", "CN", None, None),
    # Provincial departments
    ("gd-drc", "省发展改革委", "Guangdong Development and Reform Commission", "department", "GD", None, None),
    ("gd-commerce", "省商务厅", "Department of Commerce of Guangdong Province", "department", "GD", None, None),
    ("gd-st", "省科技厅", "Department of Science and Technology of Guangdong Province", "department", "GD", None, None),
    ("gd-transport", "省交通运输厅", "Department of Transport of Guangdong Province", "department", "GD", None, None),
    (
        "gd-hrss",
        "省人力资源社会保障厅",
        "Department of Human Resources and Social Security of Guangdong Province",
        "department",
        "GD",
        None,
        None,
    ),
    ("gd-health", "省卫生健康委", "Health Commission of Guangdong Province", "department", "GD", None, None),
    ("gd-amr", "省市场监管局", "Guangdong Administration for Market Regulation", "department", "GD", None, None),
    ("gd-finance", "省财政厅", "Department of Finance of Guangdong Province", "department", "GD", None, None),
    ("gd-education", "省教育厅", "Department of Education of Guangdong Province", "department", "GD", None, None),
    ("gd-hmo", "省港澳办", "Hong Kong and Macao Affairs Office of Guangdong Province", "department", "GD", None, None),
    (
        "gd-miit",
        "省工业和信息化厅",
        "Department of Industry and Information Technology of Guangdong Province",
        "department",
        "GD",
        None,
        None,
    ),
    ("gd-justice", "省司法厅", "Department of Justice of Guangdong Province", "department", "GD", None, None),
    ("gd-police", "省公安厅", "Public Security Department of Guangdong Province", "department", "GD", None, None),
    ("gd-medical", "省医保局", "Guangdong Healthcare Security Administration", "department", "GD", None, None),
    ("gd-youth", "共青团广东省委", "Communist Youth League Guangdong Committee", "institution", "GD", None, None),
    ("gd-customs", "海关总署广东分署", "Guangdong Sub-Administration of the GACC", "state_body", "GD", None, None),
    ("gd-pbc", "人民银行广州分行", "People's Bank of China Guangzhou Branch", "state_body", "GD", None, None),
    ("gd-comms", "省通信管理局", "Guangdong Communications Administration", "state_body", "GD", None, None),
    ("gd-tax", "国家税务总局广东省税务局", "Guangdong Provincial Tax Service, STA", "state_body", "GD", None, None),
    # The nine city governments
    ("gz-gov", "广州市人民政府", "Guangzhou Municipal People's Government", "city_government", "GD", None, "440100"),
    ("sz-gov", "深圳市人民政府", "Shenzhen Municipal People's Government", "city_government", "GD", None, "440300"),
    ("zh-gov", "珠海市人民政府", "Zhuhai Municipal People's Government", "city_government", "GD", None, "440400"),
    ("fs-gov", "佛山市人民政府", "Foshan Municipal People's Government", "city_government", "GD", None, "440600"),
    ("jm-gov", "江门市人民政府", "Jiangmen Municipal People's Government", "city_government", "GD", None, "440700"),
    ("zq-gov", "肇庆市人民政府", "Zhaoqing Municipal People's Government", "city_government", "GD", None, "441200"),
    ("hz-gov", "惠州市人民政府", "Huizhou Municipal People's Government", "city_government", "GD", None, "441300"),
    ("dg-gov", "东莞市人民政府", "Dongguan Municipal People's Government", "city_government", "GD", None, "441900"),
    ("zs-gov", "中山市人民政府", "Zhongshan Municipal People's Government", "city_government", "GD", None, "442000"),
    # City sub-units
    (
        "gz-drc",
        "广州市发展改革委",
        "Guangzhou Development and Reform Commission",
        "department",
        "GD",
        "gz-gov",
        "440100",
    ),
    ("gz-st", "广州市科技局", "Guangzhou Science and Technology Bureau", "department", "GD", "gz-gov", "440100"),
    (
        "gz-industry",
        "广州市工业和信息化局",
        "Guangzhou Industry and Information Technology Bureau",
        "department",
        "GD",
        "gz-gov",
        "440100",
    ),
    (
        "gz-nansha",
        "广州市南沙区人民政府",
        "Nansha District Government, Guangzhou",
        "city_government",
        "GD",
        "gz-gov",
        "440100",
    ),
    (
        "gz-huangpu",
        "广州市黄埔区人民政府",
        "Huangpu District Government, Guangzhou",
        "city_government",
        "GD",
        "gz-gov",
        "440100",
    ),
    (
        "sz-drc",
        "深圳市发展改革委",
        "Shenzhen Development and Reform Commission",
        "department",
        "GD",
        "sz-gov",
        "440300",
    ),
    ("sz-qianhai", "深圳市前海管理局", "Authority of Qianhai, Shenzhen", "institution", "GD", "sz-gov", "440300"),
    ("sz-ports", "深圳市口岸办公室", "Shenzhen Port Office", "department", "GD", "sz-gov", "440300"),
    (
        "hq-executive",
        "横琴粤澳深度合作区执行委员会",
        "Executive Committee of the Hengqin Guangdong-Macao In-Depth Cooperation Zone",
        "institution",
        "GD",
        None,
        "440400",
    ),
    (
        "dg-binhaiwan",
        "东莞滨海湾新区管理委员会",
        "Administrative Committee of Binhaiwan New Area, Dongguan",
        "institution",
        "GD",
        "dg-gov",
        "441900",
    ),
    (
        "fs-sanlongwan",
        "佛山三龙湾高端创新集聚区管理委员会",
        "Administrative Committee of Sanlongwan Innovation Area, Foshan",
        "institution",
        "GD",
        "fs-gov",
        "440600",
    ),
    # Hong Kong (Traditional, as Hong Kong writes them)
    ("hk-gov", "香港特別行政區政府", "Government of the Hong Kong SAR", "sar_bureau", "HK", None, "810000"),
    (
        "hk-cmab",
        "政制及內地事務局",
        "Constitutional and Mainland Affairs Bureau",
        "sar_bureau",
        "HK",
        "hk-gov",
        "810000",
    ),
    (
        "hk-itib",
        "創新科技及工業局",
        "Innovation, Technology and Industry Bureau",
        "sar_bureau",
        "HK",
        "hk-gov",
        "810000",
    ),
    ("hk-tlb", "運輸及物流局", "Transport and Logistics Bureau", "sar_bureau", "HK", "hk-gov", "810000"),
    (
        "hk-fstb",
        "財經事務及庫務局",
        "Financial Services and the Treasury Bureau",
        "sar_bureau",
        "HK",
        "hk-gov",
        "810000",
    ),
    ("hk-hhb", "醫務衞生局", "Health Bureau", "sar_bureau", "HK", "hk-gov", "810000"),
    ("hk-edb", "教育局", "Education Bureau", "sar_bureau", "HK", "hk-gov", "810000"),
    ("hk-hyab", "民政及青年事務局", "Home and Youth Affairs Bureau", "sar_bureau", "HK", "hk-gov", "810000"),
    ("hk-sb", "保安局", "Security Bureau", "sar_bureau", "HK", "hk-gov", "810000"),
    ("hk-customs", "香港海關", "Customs and Excise Department", "sar_bureau", "HK", "hk-sb", "810000"),
    # Macao (Traditional)
    ("mo-gov", "澳門特別行政區政府", "Government of the Macao SAR", "sar_bureau", "MO", None, "820000"),
    ("mo-ceo", "澳門行政長官辦公室", "Office of the Chief Executive of Macao", "sar_bureau", "MO", "mo-gov", "820000"),
    (
        "mo-dset",
        "經濟及科技發展局",
        "Economic and Technological Development Bureau",
        "sar_bureau",
        "MO",
        "mo-gov",
        "820000",
    ),
    ("mo-dsat", "交通事務局", "Transport Bureau", "sar_bureau", "MO", "mo-gov", "820000"),
    ("mo-ssm", "衛生局", "Health Bureau (Macao)", "sar_bureau", "MO", "mo-gov", "820000"),
    ("mo-fss", "社會保障基金", "Social Security Fund", "sar_bureau", "MO", "mo-gov", "820000"),
    ("mo-dsedj", "教育及青年發展局", "Education and Youth Development Bureau", "sar_bureau", "MO", "mo-gov", "820000"),
    ("mo-amcm", "澳門金融管理局", "Monetary Authority of Macao", "sar_bureau", "MO", "mo-gov", "820000"),
    ("mo-customs", "澳門海關", "Macao Customs Service", "sar_bureau", "MO", "mo-gov", "820000"),
]

PASSWORD = "wanqu-demo"

# username, role, unit code, first name (shown in the interface)
USERS = [
    ("office", "office_admin", "gba-office", "省大湾区办管理员"),
    ("group1", "group_lead", "sg-rules", "规则衔接专项小组组长"),
    ("gz-reporter", "reporter", "gz-gov", "广州市报送员"),
    ("hk-counterpart", "reporter", "hk-cmab", "政制及內地事務局聯絡人"),
    ("viewer", "viewer", "gba-office", "领导查阅"),
]

# currency, valid from, CNY per unit (approximate central parity rates; for totals in the demo)
EXCHANGE_RATES = [
    ("HKD", "2020-06-30", "0.912200"),
    ("MOP", "2020-06-30", "0.885600"),
    ("HKD", "2024-12-31", "0.926000"),
    ("MOP", "2024-12-31", "0.899000"),
]
RATE_SOURCE = "中国外汇交易中心人民币汇率中间价（近似值，演示用）"
