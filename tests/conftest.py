"""Settings shared by every test run."""




def pytest_configure(config):  # type: ignore[no-untyped-def]
    from django.conf import settings

    # a fast hash for test users; production keeps Django's default (PBKDF2)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
