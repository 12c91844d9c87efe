"""Without chromium the browser tests skip, saying why; in CI they fail instead."""

from __future__ import annotations

import pytest
from browser_support import unavailable


def test_skips_with_the_reason_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed"):
        unavailable("chromium is not installed")


@pytest.mark.parametrize("value", ["true", "1", "TRUE"])
def test_fails_in_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        unavailable("chromium is not installed")
