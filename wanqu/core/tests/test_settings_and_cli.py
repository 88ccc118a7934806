"""Settings and the `wanqu` command, tried the way people use them: as a program in a shell.

Each test runs `python -m wanqu ...` in a child process with its own empty data dir. The
children use a SQLite file in that dir whatever database the suite itself runs on: what is
tested here is start-up, settings and serving, not the database.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

TIMEOUT = 120
SHOW_KEY = ("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.SECRET_KEY)")


def wanqu_env(data_dir: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WANQU_")}
    env["WANQU_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(overrides)
    return env


def wanqu(data_dir: Path, *args: str, **overrides: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wanqu", *args],
        env=wanqu_env(data_dir, **overrides),
        cwd=data_dir.parent,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("WANQU_DEBUG", "maybe"),
        ("WANQU_PORT", "70000"),
        ("WANQU_PORT", "abc"),
        ("WANQU_DATABASE_URL", "mysql://x"),
        ("WANQU_SECRET_KEY", "too-short"),
    ],
)
def test_a_bad_setting_stops_start_up_naming_the_variable(tmp_path: Path, variable: str, value: str) -> None:
    result = wanqu(tmp_path / "data", "check", **{variable: value})
    assert result.returncode == 2
    assert result.stderr.startswith(f"wanqu: {variable} ")
    assert "Traceback" not in result.stderr


def test_the_secret_key_is_generated_once_and_kept_in_the_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first = wanqu(data_dir, *SHOW_KEY)
    second = wanqu(data_dir, *SHOW_KEY)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    key_file = data_dir / "secret_key"
    assert key_file.read_text().strip() == first.stdout.strip() == second.stdout.strip()
    assert len(first.stdout.strip()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0, "the key file must be readable by its owner only"


def test_a_secret_key_from_the_environment_wins_and_nothing_is_written(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key = "k" * 40
    result = wanqu(data_dir, *SHOW_KEY, WANQU_SECRET_KEY=key)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == key
    assert not (data_dir / "secret_key").exists()


def test_migrate_sets_up_a_fresh_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = wanqu(data_dir, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    assert (data_dir / "wanqu.sqlite3").is_file()
    # `migrate --check` exits non-zero while any migration is unapplied.
    check = wanqu(data_dir, "migrate", "--check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_serve_refuses_a_port_out_of_range(tmp_path: Path) -> None:
    result = wanqu(tmp_path / "data", "serve", "--port", "70000")
    assert result.returncode != 0
    assert "--port" in result.stderr


@pytest.mark.parametrize("port_from", ["option", "WANQU_PORT"])
def test_serve_answers_pages_and_static_files(tmp_path: Path, port_from: str) -> None:
    data_dir = tmp_path / "data"
    migrated = wanqu(data_dir, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr

    port = free_port()
    args = ["serve", "--port", str(port)] if port_from == "option" else ["serve"]
    overrides = {"WANQU_PORT": str(port)} if port_from == "WANQU_PORT" else {}
    server = subprocess.Popen(
        [sys.executable, "-m", "wanqu", *args],
        env=wanqu_env(data_dir, **overrides),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"serve exited early: {server.communicate()}"
            try:
                status, headers, _ = get(f"{base}/admin/login/")
                break
            except (ConnectionError, urllib.error.URLError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail("serve did not answer within 60 seconds")
                time.sleep(0.2)

        assert status == 200
        # waitress, named by serve; Django's runserver would say "WSGIServer/... CPython/...".
        assert headers.get("Server") == "wanqu"

        status, headers, body = get(f"{base}/static/admin/css/base.css")
        assert status == 200
        assert headers.get("Content-Type", "").startswith("text/css")
        assert b"body" in body
        assert (data_dir / "static" / "admin" / "css" / "base.css").is_file()

        status, _, _ = get(f"{base}/static/admin/css/no-such-file.css")
        assert status == 404
    finally:
        server.terminate()
        try:
            stdout, stderr = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            stdout, stderr = server.communicate()
    assert f"http://127.0.0.1:{port}/" in stdout, stdout + stderr
