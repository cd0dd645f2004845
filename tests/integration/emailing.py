"""Reading the email the service sends, in tests (with the ``sent_email`` fixture of conftest.py)."""


def to(outbox, address):  # type: ignore[no-untyped-def]
    """The messages sent to ``address``, oldest first."""
    return [m for m in outbox if address in m.to]
