"""Keep the postcode cache of the test run out of the user's own cache directory."""

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _postcode_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    patch = pytest.MonkeyPatch()
    patch.setenv("CAREFORCE_CACHE_DIR", str(tmp_path_factory.mktemp("careforce-cache")))
    yield
    patch.undo()
