"""GUI test set-up: assertion rewriting for the shared dialog helpers, and a county workbook."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# Before the test modules import it, so that a failed assert inside a helper still shows its values.
pytest.register_assert_rewrite("tests.gui.dialog_helpers")

from tests.gui.dialog_helpers import COUNTY  # noqa: E402

from lingqiu_desktop.workbook import Workbook  # noqa: E402


@pytest.fixture
def county(tmp_path: Path) -> Iterator[Workbook]:
    """A workbook of the county office (all townships), in its own file."""
    with Workbook.create(tmp_path / "county.sqlite3", COUNTY) as wb:
        yield wb
