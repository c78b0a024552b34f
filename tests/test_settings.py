"""Settings are read from the environment and are safe by default in production."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsarchive.env import env_bool, env_int, env_list
from tests.conftest import REPO

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#Qm2!vL9pR4tZ8wK1nB6yH3jD5fG0sA-long-enough-and-random-looking-key",
    "ALLOWED_HOSTS": "news.example.org",
}


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Drop what tests/settings.py sets for the test run itself.
    test_only = (
        "SECRET_KEY",
        "DEBUG",
        "ALLOWED_HOSTS",
        "SECURE_SSL_REDIRECT",
        "PLAIN_STATIC",
        "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for Playwright's event loop
    )
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, *code.split()]
        if code.startswith("manage.py")
        else [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsarchive.settings", **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        ("on", True),
        ("0", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG") is expected


def test_env_bool_rejects_junk(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ValueError, match="SOME_FLAG"):
        env_bool("SOME_FLAG")


def test_env_bool_uses_default_when_unset(monkeypatch):
    monkeypatch.delenv("SOME_FLAG", raising=False)
    assert env_bool("SOME_FLAG", default=True) is True


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, b.example ,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]


def test_env_int_names_the_variable_on_junk(monkeypatch):
    monkeypatch.setenv("SECONDS", "soon")
    with pytest.raises(ValueError, match="SECONDS"):
        env_int("SECONDS", 5)


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = _run("import django; django.setup()", {"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_give_a_development_key_when_debug_is_on():
    result = _run(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, bool(settings.SECRET_KEY))",
        {"DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True True"


def test_database_url_selects_postgresql():
    result = _run(
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])",
        {"DEBUG": "1", "DATABASE_URL": "postgres://u:p@db.example:5432/archive"},
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "archive", "db.example"]


def test_sqlite_is_the_embedded_default():
    env = {"DEBUG": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])",
        ],
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        | {"DJANGO_SETTINGS_MODULE": "newsarchive.settings"}
        | env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name.endswith("db.sqlite3")


def test_check_deploy_is_clean_with_production_environment():
    result = _run("manage.py check --deploy --fail-level WARNING", PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_are_hardened():
    result = _run(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS > 0, s.STORAGES['staticfiles']['BACKEND'])",
        PRODUCTION_ENV,
    )
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]
