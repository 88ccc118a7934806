import pytest
from django.urls import reverse

from wanqu.testing import PASSWORD
from wanqu.web.language import from_accept_language
from wanqu.web.models import Preference


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("zh-HK,zh;q=0.9,en;q=0.8", "zh-hant"),
        ("zh-MO", "zh-hant"),
        ("zh-TW,en;q=0.5", "zh-hant"),
        ("zh-CN,zh;q=0.9", "zh-hans"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR", "en"),
        ("", "en"),
        ("en;q=0.3,zh-HK;q=0.9", "zh-hant"),
    ],
)
def test_first_visit_language_follows_accept_language(header, language):
    assert from_accept_language(header) == language


def test_sign_in_page_speaks_the_browsers_language(client, db):
    assert "登入" in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="zh-HK").content.decode()
    assert "登录" in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "Sign in" in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="de").content.decode()


def test_pages_need_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_sign_in_and_sign_out(client, world):
    response = client.post(reverse("login"), {"username": "gz-reporter", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home"), follow=True).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_chosen_language_is_remembered_for_the_user_across_sessions(client, world):
    client.force_login(world.gz_reporter)
    client.post(reverse("set_language"), {"language": "en", "next": "/"}, HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert Preference.objects.get(user=world.gz_reporter).language == "en"
    client.logout()
    client.force_login(world.gz_reporter)  # a new session, a Chinese browser
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert page["Content-Language"] == "en"


def test_an_unknown_language_or_foreign_next_changes_nothing(client, world):
    client.force_login(world.gz_reporter)
    response = client.post(reverse("set_language"), {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/" and not Preference.objects.exists()


def test_reporters_land_on_what_they_owe_and_leadership_on_the_dashboard(client, world):
    client.force_login(world.gz_reporter)
    assert client.get(reverse("home"))["Location"] == reverse("rounds:owe")
    client.force_login(world.office_admin)
    assert client.get(reverse("home"))["Location"] == reverse("dashboard:index")


def test_the_signed_in_name_follows_the_interface_script(client, world):
    world.office_admin.first_name = "省大湾区办管理员"
    world.office_admin.save()
    client.force_login(world.office_admin)
    page = client.get(reverse("dashboard:index"), HTTP_ACCEPT_LANGUAGE="zh-HK").content.decode()
    assert "省大灣區辦管理員" in page
