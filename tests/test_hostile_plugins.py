"""Faulty plugins are isolated: listed as failed with the reason, never a silent exit 0,
never output on stdout, never a takeover of another plugin's standard."""

from __future__ import annotations

import json
import os
import signal
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hostile_support import TEST_PLUGINS, hostile_plugins, run_cli

import stationkit as sk
import stationkit.errors
import stationkit.standard

FAULTS = {
    "exit_at_import": "SystemExit(0)",
    "interrupts": "KeyboardInterrupt",
    "no_editions": "has no editions",
    "duplicate_ids": "requirement id 'team.size' is declared twice",
    "undeclared_param": "reads parameter 'team_minimum'",
    "bad_extension": "names unknown state 'no_such_state'",
    "aaa_takeover": "standard 'quanzhou' belongs to plugin 'quanzhou'",
}
SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "plugins/quanzhou/src/stationkit_quanzhou/samples/shishi_2025.yaml"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_plugins(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def on_path(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(hostile))
    yield hostile


def test_each_faulty_plugin_is_listed_as_failed_with_its_reason(on_path: Path) -> None:
    reg = sk.Registry()
    infos = {p.name: p for p in reg.load_entry_points(only=[*FAULTS, "prints", "quanzhou"])}
    for name, reason in FAULTS.items():
        error = infos[name].error
        assert error is not None and reason in error, (name, error)
        assert infos[name].standards == ()
    # The real plugin keeps its standard: the takeover attempt failed, not quanzhou.
    assert infos["quanzhou"].error is None
    assert reg.provider("quanzhou", "2025") == "quanzhou"
    # Printing is not a fault, but what was printed is kept off stdout and reported.
    assert infos["prints"].error is None
    assert "hello from an import" in infos["prints"].output
    assert "hello from a hook" in infos["prints"].output


def test_strict_mode_refuses_a_faulty_plugin(on_path: Path) -> None:
    with pytest.raises(sk.errors.PluginError, match="exit_at_import"):
        sk.Registry(strict=True).load_entry_points(only=["exit_at_import"])


def _plugin(**hooks: object) -> types.SimpleNamespace:
    return types.SimpleNamespace(**hooks)


def _providing(std: sk.standard.Standard) -> types.SimpleNamespace:
    @sk.hookimpl
    def stationkit_standards() -> Sequence[sk.standard.Standard]:
        return [std]

    return _plugin(stationkit_standards=stationkit_standards)


def test_a_clash_on_an_id_neither_is_named_after_fails_both() -> None:
    from stationkit_example import plugin as example_plugin

    shared = sk.standard.Standard(
        "shared",
        example_plugin.STANDARD.title,
        example_plugin.STANDARD.sources,
        example_plugin.STANDARD.editions,
    )
    reg = sk.Registry()
    assert reg.register(_providing(shared), "first").error is None
    second = reg.register(_providing(shared), "second")
    assert second.error is not None and "neither is loaded" in second.error
    first = {p.name: p for p in reg.plugins}["first"]
    assert first.error is not None and "'second'" in first.error
    assert reg.standards() == ()


def test_the_users_ctrl_c_still_stops_loading() -> None:
    @sk.hookimpl
    def stationkit_standards() -> Sequence[sk.standard.Standard]:
        os.kill(os.getpid(), signal.SIGINT)  # as the terminal does on Ctrl-C
        return []

    with pytest.raises(KeyboardInterrupt):
        sk.Registry().register(_plugin(stationkit_standards=stationkit_standards), "slow")


def test_a_plugins_own_keyboard_interrupt_is_its_failure() -> None:
    @sk.hookimpl
    def stationkit_standards() -> Sequence[sk.standard.Standard]:
        raise KeyboardInterrupt

    info = sk.Registry().register(_plugin(stationkit_standards=stationkit_standards), "odd")
    assert info.error is not None and "KeyboardInterrupt" in info.error


def test_the_cli_stays_honest_with_faulty_plugins_installed(hostile: Path) -> None:
    dirs = [TEST_PLUGINS, hostile]
    run = run_cli(["standards", "--json"], plugin_dirs=dirs)
    assert run.code == 0
    rows = json.loads(run.stdout)  # nothing printed by a plugin corrupts it
    providers = {(r["id"], r["edition"]): r["plugin"] for r in rows}
    assert providers[("quanzhou", "2025")] == "quanzhou"
    for name in FAULTS:
        assert f"plugin {name!r} not loaded" in run.stderr
    assert "hello from an import" in run.stderr and "hello" not in run.stdout
    assessed = run_cli(
        [
            "assess",
            str(SAMPLE),
            "--standard",
            "quanzhou@2025",
            "--as-of",
            "2026-01-01",
            "--format",
            "json",
        ],
        plugin_dirs=dirs,
    )
    assert assessed.code in (0, 1), assessed.stderr
    reports = json.loads(assessed.stdout)["reports"]
    assert reports and all(r["standard"] == "quanzhou" for r in reports)
    assert "Traceback" not in assessed.stderr


def test_strict_cli_exits_2_not_0_on_a_plugin_exiting_at_import(hostile: Path) -> None:
    only = {"STATIONKIT_PLUGINS": "exit_at_import"}
    strict = run_cli(["--strict", "standards"], plugin_dirs=[hostile], extra_env=only)
    assert strict.code == 2 and "exit_at_import" in strict.stderr and "SystemExit" in strict.stderr
    lenient = run_cli(["standards", "--json"], plugin_dirs=[hostile], extra_env=only)
    assert lenient.code == 0 and json.loads(lenient.stdout) == []
    assert "exit_at_import" in lenient.stderr  # not a silent success: the failure is named


def test_registration_refuses_inconsistent_toy_standards() -> None:
    from toy_standards import malformed, rank_cap

    reg = sk.Registry()
    error = reg.register(malformed, "toy").error
    assert error is not None and "'phones_minimum'" in error and "'outstanding'" in error
    error = reg.register(rank_cap, "toy2").error
    assert error is not None and "band 'excellent' is declared twice" in error
    # The conformance toolkit registers them unvalidated, to list every problem itself.
    assert sk.Registry(validate=False).register(rank_cap, "toy").error is None
