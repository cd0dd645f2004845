"""The demo region's sign-in domain and a test client signed in as one of its people, for any integration test
(a module of its own: ``conftest`` is a name several test folders share, so tests never import from it)."""

from datetime import date

from django.test import Client

AS_OF = date(2026, 11, 1)
DEMO = "demo.careforce.test"


def signed_in(email: str) -> Client:
    from careforce.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=email))
    return client
