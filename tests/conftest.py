"""Settings shared by every test run."""

import os


def pytest_configure(config):  # type: ignore[no-untyped-def]
    from django.conf import settings

    # a fast hash for test users; production keeps Django's default (PBKDF2)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        # one test database per run, so runs on the same server do not trip over each other
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_{os.getpid()}"
