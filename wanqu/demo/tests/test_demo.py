import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wanqu.core.models import Change, ExchangeRate, Record
from wanqu.geo.models import City
from wanqu.indicators.models import Indicator
from wanqu.ledger.models import Round, SupervisionNotice, Task, Update
from wanqu.org.models import Membership, Unit
from wanqu.plans.models import Area, Clause, Plan
from wanqu.registers.models import Platform, PolicyIdea, Project, RuleItem

pytestmark = pytest.mark.django_db

MAINLAND = {"440100", "440300", "440400", "440600", "440700", "441200", "441300", "441900", "442000"}


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db) -> str:
    return run_demo("--no-migrate")


def test_the_command_migrates_loads_and_lists_the_sign_ins(db):
    output = run_demo()
    assert "records created" in output
    for username in ["office", "group1", "gz-reporter", "hk-counterpart", "viewer"]:
        assert username in output
    assert "wanqu-demo" in output
    assert "省大湾区办" in output and "政制及內地事務局" in output


def test_the_eleven_cities_have_their_official_codes(demo):
    expected = {
        "广州": "440100",
        "深圳": "440300",
        "珠海": "440400",
        "佛山": "440600",
        "江门": "440700",
        "肇庆": "441200",
        "惠州": "441300",
        "东莞": "441900",
        "中山": "442000",
        "香港": "810000",
        "澳门": "820000",
    }
    assert dict(City.objects.values_list("name", "code")) == expected
    assert City.objects.get(code="810000").jurisdiction.code == "HK"
    assert City.objects.get(code="820000").name_en == "Macao"
    assert all(City.objects.values_list("name_en", flat=True))


def test_the_coordination_mechanism(demo):
    leading = Unit.objects.get(kind="leading_group")
    assert leading.name == "省推进粤港澳大湾区建设领导小组"
    groups = Unit.objects.filter(kind="special_group")
    assert groups.count() == 6
    assert all(g.parent_id == leading.pk for g in groups)
    office = Unit.objects.get(kind="office")
    assert office.name == "省大湾区办" and office.parent_id == leading.pk
    # Every unit has a code, a name and an English name; SAR units are in Traditional.
    assert not Unit.objects.filter(name_en="").exists()
    assert Unit.objects.get(code="hk-cmab").name == "政制及內地事務局"
    assert Unit.objects.filter(jurisdiction__code="MO").count() >= 5
    assert Unit.objects.filter(kind="city_government", parent=None).count() == 9
    assert Unit.objects.get(code="gz-drc").parent.code == "gz-gov"


def test_the_plans_and_their_clause_trees(demo):
    kinds = dict(Plan.objects.values_list("code", "kind"))
    assert kinds["gba-outline"] == "outline"
    assert {"opinions", "action_plan", "measures", "special_plan"} <= set(kinds.values())
    names = set(Plan.objects.values_list("name", flat=True))
    assert "粤港澳大湾区基础设施互联互通专项规划" in names
    assert "支持深圳建设中国特色社会主义先行示范区若干重大措施" in names
    assert "广州市推动“四个出新出彩”行动方案" in names
    assert Plan.objects.get(code="gba-outline").issuer.jurisdiction.code == "CN"
    section = Clause.objects.get(plan__code="gba-outline", title="打造高水平科技创新载体和平台")
    assert (section.level, section.path, section.number) == (2, "004.002", "第二节")
    assert section.parent.title == "建设国际科技创新中心"
    for plan in Plan.objects.all():
        assert plan.clauses.exists()


def test_every_project_of_the_report_is_at_its_stage(demo):
    expected = {
        "中国（东莞）散裂中子源": "in_operation",
        "惠州强流重离子加速器": "started",
        "南沙大桥": "opened",
        "穗莞深城际": "opened",
        "深中通道": "started",
        "广湛高铁": "started",
        "赣深高铁": "under_construction",
        "广汕汕高铁": "under_construction",
        "皇岗口岸重建工程": "started",
        "香港科技大学（广州）": "started",
    }
    for name, stage in expected.items():
        project = Project.objects.get(name=name)
        assert project.stage == stage, name
        assert project.stages.filter(stage=stage).exists(), name
        assert project.name_en and project.cities.exists()
        assert project.geometry["type"] in {"Point", "LineString"}
    bridge = Project.objects.get(code="nansha-bridge")
    assert bridge.stages.get(stage="opened").reached_on == dt.date(2019, 4, 2)
    assert bridge.geometry["type"] == "LineString"


def status_of(code: str) -> dict[str, str]:
    item = RuleItem.objects.get(code=code)
    return {s.jurisdiction.code: s.status for s in item.statuses.all()}


def test_every_rule_item_of_the_report_with_its_status_per_jurisdiction(demo):
    single_lock = RuleItem.objects.get(name="跨境一锁")
    assert status_of(single_lock.code) == {"GD": "implemented", "HK": "implemented"}
    assert set(single_lock.scope_cities.values_list("code", flat=True)) == MAINLAND
    assert status_of("macao-single-plate") == {"GD": "implemented", "MO": "implemented"}
    assert status_of("hengqin-port-jurisdiction")["MO"] == "authorised"
    assert status_of("public-institution-recruitment")["GD"] == "issued"
    facts = [
        "境外高端紧缺人才个人所得税优惠政策",
        "港澳原产食品直通放行",
        "跨境一锁",
        "澳门单牌车进入横琴",
        "横琴口岸澳方口岸区管辖",
        "港澳创业者纳入内地创业补贴扶持范围",
        "事业单位公开招聘港澳居民",
        "港澳医保在指定医疗机构直接支付",
        "港澳高校和科研机构参与省财政科技计划",
        "支持深圳、广州特事特办工作机制",
    ]
    for name in facts:
        item = RuleItem.objects.get(name=name)
        assert item.statuses.filter(jurisdiction__code="GD").exists(), name
    # The next steps' first batch covers food safety, transport, telecoms and social security.
    assert {"food_safety", "transport", "telecoms", "social_security"} <= set(
        RuleItem.objects.values_list("domain", flat=True)
    )


def observation(code: str) -> tuple[str, Decimal, str]:
    obs = Indicator.objects.get(code=code).observations.get()
    assert obs.source == "省大湾区办《广东省推进粤港澳大湾区建设工作情况》"
    return obs.qualifier, obs.value, obs.indicator.unit


def test_every_indicator_of_the_report_with_value_unit_and_qualifier(demo):
    assert observation("remittance-time") == ("≤", Decimal(5), "minute")
    assert observation("gm-fund-investment") == ("=", Decimal(14_200_000_000), "CNY")
    assert observation("gm-fund-projects") == ("=", Decimal(12), "count")
    assert observation("provincial-labs") == ("=", Decimal(10), "count")
    assert observation("provincial-lab-batches") == ("=", Decimal(3), "count")
    assert observation("joint-labs") == ("=", Decimal(10), "count")
    assert observation("research-funds-cross-border") == (">", Decimal(100_000_000), "CNY")
    assert Indicator.objects.filter(targets__isnull=False).distinct().count() >= 3


def test_the_work_areas_follow_the_report_and_each_has_its_tasks(demo):
    areas = list(Area.objects.order_by("order"))
    assert [a.name for a in areas] == [
        "规则衔接",
        "国际科技创新中心",
        "基础设施互联互通",
        "现代产业体系",
        "民生领域合作",
        "重点合作平台",
        "支持深圳广州",
    ]
    assert len(areas) == 7 and all(a.name_en for a in areas)
    for area in areas:
        assert area.tasks.count() >= 2, area.name
    assert 25 <= Task.objects.count() <= 45
    assert Task.objects.filter(parent__isnull=False).exists()
    first = Task.objects.get(code="GBA-2-01")
    assert first.title == "抓紧推进“湾区通”工程" and first.title_en
    assert first.subtasks.count() == 4 and first.is_shared
    assert first.clauses.exists() and first.rule_items.exists()
    assert Task.objects.filter(special_group__isnull=True).count() == 0
    assert Task.objects.filter(projects__isnull=False).exists()
    assert Task.objects.filter(platforms__isnull=False).exists()
    assert Task.objects.filter(milestones__isnull=False).distinct().count() == Task.objects.count()


def test_shared_tasks_are_those_involving_hong_kong_or_macao(demo):
    for task in Task.objects.all():
        involves_sar = (
            task.lead_unit.jurisdiction.is_sar
            or task.supporting_units.filter(jurisdiction__code__in=["HK", "MO"]).exists()
        )
        assert task.is_shared == involves_sar or task.code == "GBA-2-33", task.code


def test_the_dashboard_shows_a_realistic_mix(demo):
    today = dt.date.today()
    open_tasks = Task.objects.exclude(status="done")
    assert open_tasks.filter(due_date__lt=today).exists()  # overdue
    assert open_tasks.filter(due_date__gte=today, due_date__lte=today + dt.timedelta(days=30)).exists()
    assert Task.objects.filter(status="done", completed_on__isnull=False).exists()
    assert Task.objects.filter(status="on_track", due_date__gte=today).exists()
    assert Task.objects.filter(status="at_risk").exists()


def test_the_open_round_has_updates_in_every_state(demo):
    today = dt.date.today()
    current = Round.objects.get(state="open")
    assert today <= current.due_date <= today + dt.timedelta(days=7)
    states = set(current.updates.values_list("state", flat=True))
    assert states == {"draft", "submitted", "returned", "accepted"}
    assert all(u.return_reason for u in current.updates.filter(state="returned"))
    assert Round.objects.filter(state="closed", period_end__lt=current.period_start).exists()
    assert Update.objects.filter(round__state="closed", state="accepted").exists()


def test_supervision_and_consultation_notices(demo):
    red = SupervisionNotice.objects.get(kind="supervision", grade="red")
    assert red.unit.jurisdiction.code == "GD" and red.task.is_overdue(dt.date.today())
    consultation = SupervisionNotice.objects.get(kind="consultation")
    assert consultation.grade == "" and consultation.unit.code == "hk-cmab"


def test_platforms_ideas_and_rates(demo):
    names = set(Platform.objects.values_list("name", flat=True))
    for part in [
        "南沙",
        "前海",
        "横琴粤澳深度合作区",
        "河套",
        "中新广州知识城",
        "珠海西部生态新区",
        "东莞滨海湾新区",
        "三龙湾",
    ]:
        assert any(part in name for name in names), part
    assert Platform.objects.get(code="hengqin").geometry["type"] == "Polygon"
    states = set(PolicyIdea.objects.values_list("state", flat=True))
    assert {"proposed", "assessing", "adopted", "shelved"} <= states
    assert PolicyIdea.objects.get(state="adopted").rule_item is not None
    assert set(ExchangeRate.objects.values_list("currency", flat=True)) == {"HKD", "MOP"}


@pytest.mark.parametrize(
    ("username", "role", "unit"),
    [
        ("office", "office_admin", "gba-office"),
        ("group1", "group_lead", "sg-rules"),
        ("gz-reporter", "reporter", "gz-gov"),
        ("hk-counterpart", "reporter", "hk-cmab"),
        ("viewer", "viewer", "gba-office"),
    ],
)
def test_demo_users_sign_in_with_their_roles(demo, username, role, unit):
    assert Client().login(username=username, password="wanqu-demo")
    user = get_user_model().objects.get(username=username)
    assert user.is_staff
    assert list(Membership.objects.filter(user=user).values_list("role", "unit__code")) == [(role, unit)]


def test_the_reporters_have_tasks_of_their_own(demo):
    gz = Unit.objects.get(code="gz-gov")
    gz_units = [gz, *gz.children.all()]
    gz_tasks = Task.objects.filter(lead_unit__in=gz_units)
    assert gz_tasks.count() >= 4
    assert gz_tasks.filter(lead_unit=gz).exists() and gz_tasks.exclude(lead_unit=gz).exists()
    hk = Unit.objects.get(code="hk-cmab")
    assert Task.objects.filter(lead_unit=hk).exists()
    assert Task.objects.filter(supporting_units=hk).count() >= 3
    assert Update.objects.filter(unit=hk, round__state="open").exists()
    group = Unit.objects.get(code="sg-rules")
    assert group.group_tasks.count() >= 5


def record_counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if issubclass(m, Record) or m is get_user_model()
    }


def test_loading_twice_changes_nothing(demo):
    counts, changes = record_counts(), Change.objects.count()
    output = run_demo("--no-migrate")
    assert record_counts() == counts
    assert Change.objects.count() == changes
    assert "nothing changed" in output and "hk-counterpart" in output


def test_every_write_is_logged_by_the_system_in_one_batch(demo):
    batches = set(Change.objects.values_list("batch_id", flat=True))
    assert len(batches) == 1 and batches.pop().startswith("demo-")
    assert set(Change.objects.values_list("actor_name", "action")) == {("system", "create")}
    created = sum(count for label, count in record_counts().items() if label != "auth.User")
    assert Change.objects.count() == created


@pytest.mark.parametrize("today", [dt.date(2026, 1, 1), dt.date(2027, 3, 31), dt.date(2028, 12, 31)])
def test_the_programme_loads_on_any_day(db, today):
    from wanqu.demo.loader import load

    result = load(today=today)
    assert result.created["ledger.Task"] == Task.objects.count()
    current = Round.objects.get(state="open")
    assert current.period_start <= today <= current.period_end
    assert Task.objects.exclude(status="done").filter(due_date__lt=today).exists()
    assert load(today=today).total == 0
