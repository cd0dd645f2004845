"""Production security: HTTPS-only settings with DEBUG off, sign-in lockout keyed by email and address,
case-insensitive sign-in, password reset by email, and refusals logged as one line."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client, override_settings

from careforce.workforce.demo_loading import DEMO_PASSWORD

DEMO = "demo.careforce.test"
SETTINGS = ["DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "SECURE_SSL_REDIRECT"]
SETTINGS += ["SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_HTTPONLY"]


def settings_with(tmp_path, **env: str) -> dict:  # type: ignore[no-untyped-def]
    """The settings a fresh process reads from this environment (nothing else set)."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "PYTHONPATH")}
    code = f"import json, careforce.settings as s; print(json.dumps({{n: getattr(s, n) for n in {SETTINGS!r}}}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**keep, "CAREFORCE_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1]}
    return json.loads(done.stdout)


def test_with_debug_off_the_service_is_https_only_with_secure_httponly_cookies_and_hsts(tmp_path):
    production = settings_with(tmp_path, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert production == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_HTTPONLY": True,
    }
    assert settings_with(tmp_path)["SECURE_PROXY_SSL_HEADER"] is None  # trusted only when configured


def test_plain_http_is_only_for_the_local_demo_and_says_so(tmp_path):
    local = settings_with(tmp_path, CAREFORCE_LOCAL_HTTP="1")
    assert not local["SESSION_COOKIE_SECURE"] and not local["SECURE_SSL_REDIRECT"] and not local["SECURE_HSTS_SECONDS"]
    refused = settings_with(tmp_path, CAREFORCE_LOCAL_HTTP="1", ALLOWED_HOSTS="careforce.example.org")
    assert "CAREFORCE_LOCAL_HTTP=1 is for the local demo only" in refused["error"]


PRODUCTION = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_a_production_response_redirects_http_and_sends_hsts_and_secure_cookies():
    plain = Client().get("/sign-in")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/sign-in"
    client = Client(headers={"X-Forwarded-Proto": "https"})
    page = client.get("/sign-in")
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    signed_in = client.post("/sign-in", {"username": f"manager@{DEMO}", "password": DEMO_PASSWORD})
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def _sign_in(address: str, email: str, password: str):  # type: ignore[no-untyped-def]
    return Client(REMOTE_ADDR=address).post("/sign-in", {"username": email, "password": password})


@pytest.mark.django_db
def test_failed_sign_ins_from_one_address_lock_neither_other_people_nor_the_person_elsewhere():
    for _ in range(5):
        _sign_in("203.0.113.9", f"manager@{DEMO}", "wrong-password")
    assert _sign_in("203.0.113.9", f"manager@{DEMO}", DEMO_PASSWORD).status_code == 429  # that pair is paused
    assert _sign_in("203.0.113.9", f"lead@{DEMO}", DEMO_PASSWORD).status_code == 302  # others at that address
    assert _sign_in("198.51.100.7", f"manager@{DEMO}", DEMO_PASSWORD).status_code == 302  # the person elsewhere


@pytest.mark.django_db
def test_changing_the_case_of_the_email_gives_no_fresh_attempts():
    for email in ("analyst@demo.careforce.test", "Analyst@Demo.careforce.test", "ANALYST@DEMO.CAREFORCE.TEST"):
        for _ in range(2):
            _sign_in("203.0.113.10", email, "wrong-password")
    assert _sign_in("203.0.113.10", f"analyst@{DEMO}", DEMO_PASSWORD).status_code == 429


@pytest.mark.django_db
def test_the_email_address_is_compared_without_regard_to_case_at_sign_in():
    response = _sign_in("192.0.2.1", f"  Manager@{DEMO.upper()} ", DEMO_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/provider/workplaces"


@pytest.mark.django_db
@override_settings(SIGN_IN_RATE_PER_EMAIL="3/m")
def test_many_attempts_at_one_email_from_many_addresses_are_paused():
    email = "spray-target@example.test"
    codes = [_sign_in(f"192.0.2.{n}", email, "guess").status_code for n in range(10, 14)]
    assert codes == [200, 200, 200, 429]


def _reset_link() -> str:
    (message,) = mail.outbox
    return next(line for line in message.body.splitlines() if "/sign-in/new-password/" in line).split("testserver")[1]


@pytest.mark.django_db
def test_a_forgotten_password_is_reset_by_a_link_that_works_once():
    client = Client()
    sent = client.post("/sign-in/forgotten-password", {"email": f"Staff@{DEMO}"}, follow=True)
    assert "Check your email" in sent.content.decode()
    assert mail.outbox[0].to == [f"staff@{DEMO}"] and mail.outbox[0].subject == "Reset your careforce password"
    link = _reset_link()
    choose = client.get(link, follow=True)
    assert "Choose a new password" in choose.content.decode()
    new = "a-long-new-password-2026"
    done = client.post(choose.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True)
    assert "Your password has been changed" in done.content.decode()
    assert _sign_in("192.0.2.50", f"staff@{DEMO}", new).status_code == 302
    again = Client().get(link, follow=True).content.decode()
    assert "This link has expired or has already been used" in again


@pytest.mark.django_db
def test_a_reset_link_expires(monkeypatch):
    Client().post("/sign-in/forgotten-password", {"email": f"staff@{DEMO}"})
    link = _reset_link()
    later = datetime.now() + timedelta(hours=2)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    assert "This link has expired or has already been used" in Client().get(link, follow=True).content.decode()


@pytest.mark.django_db
def test_asking_for_a_reset_does_not_say_whether_an_account_exists():
    page = Client().post("/sign-in/forgotten-password", {"email": "nobody@example.test"}, follow=True)
    assert "If that email address has an account" in page.content.decode() and not mail.outbox
    empty = Client().post("/sign-in/forgotten-password", {"email": ""})
    soup = BeautifulSoup(empty.content, "html.parser")
    assert soup.title.get_text().startswith("Error: ")
    assert soup.select_one(".govuk-error-summary a").get_text(strip=True) == "Enter your email address"


@pytest.mark.django_db
def test_refusals_and_missing_pages_are_logged_as_one_line_without_a_traceback(as_job_seeker, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert as_job_seeker.get("/provider/workplaces").status_code == 403
        assert as_job_seeker.get("/no-such-page").status_code == 404
    records = [r for r in caplog.records if r.name == "django.request"]
    assert [r.getMessage() for r in records] == [
        "Forbidden (Permission denied): /provider/workplaces",
        "Not Found: /no-such-page",
    ]
    assert all(r.exc_info is None for r in records)
