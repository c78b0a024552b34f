"""Test settings: the real settings, with the secrets a test run may lack.

Tests run with DEBUG off (pytest-django forces it), so the production code
paths are exercised; only the key is a throwaway one and static files are
served unhashed (no collectstatic needed).
"""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
)
os.environ.setdefault("PLAIN_STATIC", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from newsarchive.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast user creation
# Time budgets are for archives of 100,000s of rows; a test's tiny tables on a busy CI
# machine must never hit them by chance (tests that need a spent budget set it to 0).
FACET_TIME_BUDGET_MS = 10_000
SEARCH_COUNT_BUDGET_MS = 10_000
