import pytest


@pytest.fixture
def world(db):
    from wanqu.testing import make_world

    return make_world()
