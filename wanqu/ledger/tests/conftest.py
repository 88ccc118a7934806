import datetime as dt

import pytest

from wanqu.ledger import services
from wanqu.testing import make_task


@pytest.fixture
def cycle(world, settings, tmp_path):
    """A round due 2026-04-10 in which Guangzhou owes an update on a group 1 task and HK on its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    gz_task = make_task(world.gz, world.area, world.group1)
    hk_task = make_task(world.hk, world.area, None, is_shared=True)
    sz_task = make_task(world.sz, world.area, world.group1)
    rnd = services.round_open(
        actor=world.office_admin,
        name="2026年第一季度进展报送",
        period_kind="quarter",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 3, 31),
        due_date=dt.date(2026, 4, 10),
    )
    return {"round": rnd, "gz_task": gz_task, "hk_task": hk_task, "sz_task": sz_task, "world": world}


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A page fetched in English leaves English active in the thread; later tests expect the default."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
