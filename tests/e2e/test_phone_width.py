"""At phone width (320 and 390 px) no page scrolls sideways, for any role: wide tables scroll in their own
labelled region, everything else reflows. The pages are found by walking the links (tests/crawling.py)."""

import pytest
from crawling import Fetched, crawl, routes_without_arguments

from .conftest import FIRST_BUILD_TIMEOUT_MS, sign_in

pytestmark = pytest.mark.e2e
ROLES = ["anonymous", "jobseeker", "staff", "manager", "analyst", "lead", "admin"]
WIDTHS = (320, 390)
# the width of the document beyond the window (0 when nothing scrolls sideways), and what sticks out
OVERFLOW = """() => {
  const root = document.scrollingElement;
  const wide = [...document.querySelectorAll("main *")]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .filter((e) => !e.closest(".cf-scroll-region"))
    .slice(0, 3)
    .map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""));
  return {extra: root.scrollWidth - window.innerWidth, wide};
}"""


def _route_map() -> list[str]:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "integration"))
    from test_route_map import ROUTE_RULES

    return list(ROUTE_RULES)


def _pages(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The HTML pages this browser's user can reach, found with the browser's own cookies."""

    def fetch(path: str) -> Fetched:
        response = page.request.get(path, max_redirects=0, timeout=FIRST_BUILD_TIMEOUT_MS)
        content_type = response.headers.get("content-type", "")
        body = response.text() if content_type.startswith("text/html") else ""
        return Fetched(response.status, content_type, body, response.headers.get("location", ""))

    visits = crawl(fetch, routes_without_arguments(_route_map()), per_route=1)
    return [v.path for v in visits if v.content_type.startswith("text/html") and v.status == 200]


@pytest.mark.parametrize("role", ROLES)
def test_no_page_scrolls_sideways_at_phone_width(page, role):
    if role != "anonymous":
        sign_in(page, role)
    too_wide = {}
    for path in _pages(page):
        page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
        page.goto(path, wait_until="load")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            found = page.evaluate(OVERFLOW)
            if found["extra"] > 0:
                too_wide[f"{path} at {width}px"] = found
    assert too_wide == {}, "pages wider than the window:\n" + "\n".join(f"{k}: {v}" for k, v in too_wide.items())
