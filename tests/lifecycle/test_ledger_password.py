"""A PostgreSQL ledger behind a password (``scram-sha-256`` over TCP): the right password
opens it, a wrong one is the ledger's own connection error (CLI exit 2), and neither password
is printed, in any spelling, anywhere: stdout, stderr, the exception or its traceback.

Needs ``STATIONKIT_TEST_PG_PASSWORD_URL`` (``.ci/run`` sets it) or the throwaway cluster of
``pg_cluster``; skips otherwise, saying why."""

from __future__ import annotations

import json
import secrets
import traceback
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import pytest

from stationkit.cli import main
from stationkit.errors import LedgerConnectionError, exit_code
from stationkit.lifecycle import init_ledger, migrate_ledger, open_ledger

SAMPLE = Path(__file__).parents[2] / "plugins/xuanen/src/stationkit_xuanen/samples/hazards.jsonl"
LINES = SAMPLE.read_text("utf-8").splitlines()


def _password(url: str) -> str:
    found = urlsplit(url).password
    assert found, "the password URL carries no password"
    return unquote(found)


def _with_password(url: str, password: str, *, in_query: bool = False) -> str:
    """``url`` logging in with ``password``: in the authority, or as a ``password=``
    parameter (libpq takes both)."""
    parts = urlsplit(url)
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[-1]
    if in_query:
        query = "&".join(p for p in (parts.query, f"password={quote(password, safe='')}") if p)
        return urlunsplit((parts.scheme, f"{user}@{host}", parts.path, query, parts.fragment))
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _spellings(*passwords: str) -> list[str]:
    """Every way a password could be printed: as typed and as the URL escapes it."""
    return sorted({form for p in passwords for form in (p, quote(p, safe=""), quote(p))})


def _assert_hidden(text: str, *passwords: str) -> None:
    for form in _spellings(*passwords):
        assert form not in text, f"a password ({form[:3]}…) was printed"


WRONG = f"wr@ng/{secrets.token_hex(6)}%"


def test_the_right_password_opens_the_ledger(
    pg_password_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    password = _password(pg_password_url)
    assert main(["ledger", "init", pg_password_url, "--format", "json"]) == 0
    initialised = capsys.readouterr()
    assert json.loads(initialised.out)["schema_version"] == 2
    _assert_hidden(initialised.out + initialised.err, password)
    stream = tmp_path / "events.jsonl"
    stream.write_text("\n".join(LINES[:4]) + "\n", "utf-8")
    assert main(["ledger", "append", "--ledger", pg_password_url, str(stream)]) == 0
    code = main(["ledger", "history", "--ledger", pg_password_url, "XE-H-2024-001"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "XE-H-2024-001" in captured.out
    _assert_hidden(captured.out + captured.err, password)
    with open_ledger(pg_password_url) as ledger:
        assert ledger.version("XE-H-2024-001") == 4
        _assert_hidden(repr(ledger) + str(vars(ledger).get("url", "")), password)


@pytest.mark.parametrize("in_query", [False, True], ids=["in-authority", "as-parameter"])
def test_a_wrong_password_is_the_ledgers_connection_error(
    pg_password_url: str, in_query: bool
) -> None:
    right = _password(pg_password_url)
    init_ledger(pg_password_url)
    wrong = _with_password(pg_password_url, WRONG, in_query=in_query)
    role = urlsplit(pg_password_url).username or ""
    for attempt in (open_ledger, init_ledger, migrate_ledger):
        with pytest.raises(LedgerConnectionError) as refused:
            attempt(wrong)
        message = str(refused.value)
        assert message.startswith("cannot connect to PostgreSQL ledger postgresql://")
        assert "password authentication failed" in message and role in message
        assert exit_code(refused.value) == 2
        shown = "".join(traceback.format_exception(refused.value)) + repr(refused.value)
        _assert_hidden(shown, right, WRONG)
    # the refusal came from the server, not from the URL: the right password still works
    with open_ledger(pg_password_url) as ledger:
        assert ledger.schema_version() == 2


@pytest.mark.parametrize("in_query", [False, True], ids=["in-authority", "as-parameter"])
@pytest.mark.parametrize(
    "command",
    [
        ["ledger", "init", "{url}"],
        ["ledger", "migrate", "{url}"],
        ["ledger", "append", "--ledger", "{url}", str(SAMPLE)],
        ["ledger", "overdue", "--ledger", "{url}", "--as-of", "2024-08-10"],
        ["ledger", "history", "--ledger", "{url}", "XE-H-2024-001"],
        ["ledger", "replay", "--ledger", "{url}", "--as-of", "2024-08-10"],
    ],
    ids=lambda argv: argv[1],
)
def test_the_cli_refuses_a_wrong_password_with_exit_2_and_prints_no_password(
    pg_password_url: str,
    command: list[str],
    in_query: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    right = _password(pg_password_url)
    init_ledger(pg_password_url)
    wrong = _with_password(pg_password_url, WRONG, in_query=in_query)
    for fmt in ([], ["--format", "json"]):
        code = main([*(a.format(url=wrong) for a in command), *fmt])
        captured = capsys.readouterr()
        assert code == 2, captured.err
        assert "cannot connect to PostgreSQL ledger" in captured.err
        assert "password authentication failed" in captured.err
        assert "Traceback" not in captured.err
        _assert_hidden(captured.out + captured.err, right, WRONG)
