"""These tests need no Django. When run with ``-p no:django`` (as the domain tests are), pytest would warn
that the project's ``DJANGO_SETTINGS_MODULE`` setting is unknown, and ``filterwarnings = error`` turns that
warning into a failure, so the setting is declared here. With pytest-django loaded this is harmless."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("DJANGO_SETTINGS_MODULE", "Django settings module (declared for runs without pytest-django)")
