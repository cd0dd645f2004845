"""A local server's email and share links point at the port it serves on (issue 10 walk: they said 8000)."""

from careforce.commands.serve import set_local_base_url


def test_a_local_server_links_to_its_own_port():
    environ = {"CAREFORCE_LOCAL_HTTP": "1"}
    set_local_base_url(environ, "127.0.0.1", 8106)
    assert environ["CAREFORCE_BASE_URL"] == "http://127.0.0.1:8106"


def test_a_base_url_given_is_kept_and_production_is_left_alone():
    given = {"CAREFORCE_LOCAL_HTTP": "1", "CAREFORCE_BASE_URL": "https://careforce.example"}
    set_local_base_url(given, "127.0.0.1", 8106)
    assert given["CAREFORCE_BASE_URL"] == "https://careforce.example"
    production: dict[str, str] = {}
    set_local_base_url(production, "0.0.0.0", 8000)
    assert "CAREFORCE_BASE_URL" not in production
