"""Settings shared by every test run."""

import os


def pytest_configure(config):  # type: ignore[no-untyped-def]
    from django.conf import settings

    # a fast hash for test users; production keeps Django's default (PBKDF2)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Django's test client speaks plain HTTP: no redirect to HTTPS (tests/integration/test_security.py checks
    # the production settings with the redirect on), and sign-in caps far above what the suite does
    settings.SECURE_SSL_REDIRECT = False
    settings.SIGN_IN_RATE_PER_ADDRESS = "100000/m"
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        # one test database per run, so runs on the same server do not trip over each other
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_{os.getpid()}"
