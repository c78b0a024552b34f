"""Admin tests import dumps too: share the import helpers."""

from tests.importing.conftest import run_import, scratch  # noqa: F401
