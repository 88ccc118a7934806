"""The generated Simplified report states every fact of the seed's facts table
(../shared/seed/README.md), each figure computed from a record."""

import re

import pytest

from wanqu.reports.render_md import render_md

# The builder reads only the snapshot; the mark makes pytest-django set up the test database.
pytestmark = pytest.mark.django_db

# One row per row of the facts table: (fact, what the report must say).
FACTS = [
    ("leading group set up", ["成立省推进粤港澳大湾区建设领导小组"]),
    ("6 special groups", ["6个专项小组"]),
    ("Outline in force", ["贯彻落实《粤港澳大湾区发展规划纲要》"]),
    (
        "implementation opinions, three-year action plan, provincial measures issued",
        [
            "〈粤港澳大湾区发展规划纲要〉的实施意见》",
            "三年行动计划（2018—2020年）》",
            "《广东省推进粤港澳大湾区建设若干措施》",
        ],
    ),
    ("special plan drafted with the State", ["《粤港澳大湾区基础设施互联互通专项规划》"]),
    ("IIT for overseas talent fully implemented", ["境外高端紧缺人才个人所得税优惠政策"]),
    ("cross-border remittance within 5 minutes", ["跨境付汇时间缩短至5分钟以内"]),
    ("direct release of HK/Macao food", ["港澳原产食品直通放行"]),
    ("single e-lock in 9 mainland cities", ["跨境一锁（覆盖大湾区内地9市）"]),
    (
        "GM fund 14.2 bn yuan, 12 projects",
        ["粤澳合作发展基金投资额累计达142亿元", "粤澳合作发展基金支持项目数累计达12个"],
    ),
    ("CSNS in operation", ["中国（东莞）散裂中子源正式投入运行"]),
    ("HIAF construction started", ["惠州强流重离子加速器开工建设"]),
    ("10 provincial labs in 3 batches", ["省实验室数量累计达10家", "省实验室启动批次累计达3批"]),
    ("10 joint labs", ["粤港澳联合实验室数量累计达10家"]),
    ("research funds over 100 million yuan", ["科研资金跨境拨付金额超过1亿元"]),
    ("Nansha Bridge and Guangzhou-Dongguan-Shenzhen intercity opened", ["南沙大桥、穗莞深城际正式通车"]),
    ("Shenzhen-Zhongshan Link and Guangzhou-Zhanjiang HSR started", ["深中通道、广湛高铁"]),
    ("Ganzhou-Shenzhen and Guangzhou-Shanwei-Shantou HSR under construction", ["赣深高铁、广汕汕高铁加快建设"]),
    ("Macao single-plate vehicles into Hengqin", ["澳门单牌车进入横琴"]),
    ("Huanggang port reconstruction launched", ["皇岗口岸重建工程开工建设"]),
    ("Macao jurisdiction over Hengqin port area authorised", ["横琴口岸澳方口岸区管辖获得授权实施"]),
    ("HK/Macao entrepreneurs in start-up subsidies", ["港澳创业者纳入内地创业补贴扶持范围"]),
    ("public institutions recruiting HK/Macao residents issued", ["事业单位公开招聘港澳居民"]),
    ("HKUST (Guangzhou) construction launched", ["香港科技大学（广州）开工建设"]),
    ("HK/Macao medical insurance", ["港澳医保在指定医疗机构直接支付"]),
    ("HK/Macao universities in provincial S&T programmes", ["港澳高校和科研机构参与省财政科技计划"]),
    ("major measures for Shenzhen issued", ["《支持深圳建设中国特色社会主义先行示范区若干重大措施》"]),
    ("Guangzhou four new highlights plan issued", ["《广州市推动“四个出新出彩”行动方案》"]),
    ("fast-track mechanism for Shenzhen and Guangzhou", ["支持深圳、广州特事特办工作机制落地实施"]),
]


@pytest.fixture(scope="module")
def zh(demo_docs):
    return render_md(demo_docs["zh-hans"])


@pytest.mark.parametrize(("fact", "phrases"), FACTS, ids=[f for f, _ in FACTS])
def test_the_simplified_report_states_the_fact(zh, fact, phrases):
    progress = zh.split("## 二、下一步工作计划")[0]
    for phrase in phrases:
        assert phrase in progress, f"{fact}: “{phrase}” is not in part one"


def test_rule_items_are_grouped_by_what_they_reached(zh):
    assert re.search(r"境外高端紧缺人才个人所得税优惠政策[^。]*港澳原产食品直通放行[^。]*落地实施。", zh)
    assert "事业单位公开招聘港澳居民、港澳居民在粤参加社会保险印发实施。" in zh


def test_every_next_step_is_an_open_task_under_its_area(zh, demo_snapshot):
    plan = zh.split("## 二、下一步工作计划")[1]
    areas = {a["id"]: a["name"] for a in demo_snapshot["records"]["plans.area"]}
    tasks = demo_snapshot["records"]["ledger.task"]
    sections = re.findall(r"\*\*（([一二三四五六七八九十]+)）([^。]+)。\*\*([^\n]+)", plan)
    assert [name for _, name, _ in sections] == [areas[a] for a in sorted(areas, key=lambda k: k)]
    by_area = {name: text for _, name, text in sections}
    for task in tasks:
        if task["status"] != "done":
            assert task["title"] in by_area[areas[task["area"]]], task["code"]
        else:
            assert task["title"] not in plan, task["code"]


def test_accepted_updates_narratives_are_used_and_drafts_are_not(zh):
    assert "三批10家省实验室建设全部启动，中期评估完成。" in zh  # accepted
    assert "深中通道主体工程建设加快推进" in zh  # accepted
    assert "新一代信息技术、生物医药产业集群培育方案已起草" not in zh  # a draft
    assert "南沙示范区建设有序推进" not in zh  # returned


def test_the_report_has_the_source_documents_shape(demo_docs):
    doc = demo_docs["zh-hans"]
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:3] == ["title", "issuer", "lead"]
    assert doc.blocks[0].text == "广东省推进粤港澳大湾区建设工作情况"
    assert doc.blocks[1].text == "省大湾区办"
    assert [b.text for b in doc.blocks if b.kind == "h1"] == ["一、工作进展情况", "二、下一步工作计划"]
    bodies = [b.text for b in doc.blocks if b.kind == "body"]
    assert bodies[0].startswith("一是建立统筹协调机制") and bodies[1].startswith("二是规则衔接")
    assert bodies[-1].startswith("（七）支持深圳广州。")
    assert kinds[-1] == "date"


def test_every_figure_names_the_record_it_comes_from(demo_docs, demo_snapshot):
    ids = {label: {r["id"] for r in rows} for label, rows in demo_snapshot["records"].items()}
    figures = [r for b in demo_docs["zh-hans"].blocks for r in b.runs if r.figure]
    assert len(figures) > 20
    for run in figures:
        label, _, pk = run.ref.partition(":")
        assert label in ids, run
        assert not pk or int(pk) in ids[label], run
    digits = [r for b in demo_docs["zh-hans"].blocks for r in b.runs if not r.figure and not r.record]
    # The template's own words carry no number except the as-of date and the ordinals.
    for run in digits:
        assert not re.search(r"\d", re.sub(r"\d{4}年\d{1,2}月\d{1,2}日", "", run.text)), run
