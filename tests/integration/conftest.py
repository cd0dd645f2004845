"""Integration tests run against the small demo region, loaded once into the test database."""

import pytest
from signing_in import AS_OF, DEMO, signed_in


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from careforce.workforce.demo_loading import load_demo_region

    with django_db_blocker.unblock():
        load_demo_region("small", seed=2019, as_of=AS_OF)


@pytest.fixture
def as_manager(db):  # type: ignore[no-untyped-def]
    return signed_in(f"manager@{DEMO}")


@pytest.fixture
def as_staff(db):  # type: ignore[no-untyped-def]
    return signed_in(f"staff@{DEMO}")


@pytest.fixture
def as_analyst(db):  # type: ignore[no-untyped-def]
    return signed_in(f"analyst@{DEMO}")


@pytest.fixture
def as_lead(db):  # type: ignore[no-untyped-def]
    return signed_in(f"lead@{DEMO}")


@pytest.fixture
def as_job_seeker(db):  # type: ignore[no-untyped-def]
    return signed_in(f"jobseeker@{DEMO}")


@pytest.fixture
def as_admin(db):  # type: ignore[no-untyped-def]
    return signed_in(f"admin@{DEMO}")


@pytest.fixture
def sent_email(monkeypatch):  # type: ignore[no-untyped-def]
    """The email sent during the test (Django's in-memory outbox), sent at once rather than on commit.

    A test runs inside one transaction that never commits, so email (sent when the change that caused it
    commits, careers/notify.py) would never go; test_email_sender checks a rolled-back change sends nothing.
    """
    from django.core import mail

    from careforce import notify

    monkeypatch.setattr(notify, "_when_committed", lambda deliver: deliver())
    return mail.outbox


@pytest.fixture
def fresh_careers_index():  # type: ignore[no-untyped-def]
    """The job search index and the cache rebuilt from this test's vacancies, before and after it."""
    from django.core.cache import cache

    from careforce.careers.queries import forget_index

    forget_index()
    cache.clear()
    yield
    cache.clear()
    forget_index()
