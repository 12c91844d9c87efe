"""The registry: explicit loading, isolation of failing plugins, attribution, no globals."""

from __future__ import annotations

import types
from collections.abc import Sequence

import pytest
from stationkit_example import plugin as example_plugin

import stationkit as sk
import stationkit.errors
import stationkit.standard


def test_entry_points_load_the_installed_test_plugins() -> None:
    reg = sk.Registry()
    infos = {p.name: p for p in reg.load_entry_points(only=["example", "broken"])}
    example = infos["example"]
    assert example.distribution == "stationkit-example" and example.version == "0.1.0"
    assert example.standards == ("example@2024",)
    assert example.hooks == ("stationkit_standards",)
    assert example.error is None
    broken = infos["broken"]
    assert broken.error is not None and "ImportError" in broken.error
    assert reg.standard("example")[1].edition == "2024"
    assert reg.failed == (broken,)


def test_strict_mode_raises_naming_the_plugin() -> None:
    with pytest.raises(sk.errors.PluginError, match="'broken'"):
        sk.Registry(strict=True).load_entry_points(only=["broken"])


def test_environment_restricts_which_plugins_load() -> None:
    reg = sk.Registry()
    loaded = reg.load_entry_points(environ={"STATIONKIT_PLUGINS": "example"})
    assert [p.name for p in loaded] == ["example"]


def test_nothing_is_loaded_until_asked() -> None:
    reg = sk.Registry()
    assert reg.plugins == () and reg.standards() == ()


def test_two_registries_share_nothing() -> None:
    one, two = sk.Registry(), sk.Registry()
    one.register(example_plugin, "example")
    assert two.standards() == ()
    with pytest.raises(sk.errors.UnknownStandardError, match="none loaded"):
        two.standard("example")


def _plugin(**hooks: object) -> types.SimpleNamespace:
    return types.SimpleNamespace(**hooks)


def test_duplicate_standard_names_both_plugins() -> None:
    reg = sk.Registry()
    reg.register(example_plugin, "example")

    @sk.hookimpl
    def stationkit_standards() -> Sequence[sk.standard.Standard]:
        return [example_plugin.STANDARD]

    info = reg.register(_plugin(stationkit_standards=stationkit_standards), "copycat")
    assert info.error is not None
    assert "'example'" in info.error and "'copycat'" in info.error
    assert reg.provider("example", "2024") == "example"
    with pytest.raises(sk.errors.PluginError):
        strict = sk.Registry(strict=True)
        strict.register(example_plugin, "example")
        strict.register(_plugin(stationkit_standards=stationkit_standards), "copycat")


def test_unknown_hook_is_isolated() -> None:
    @sk.hookimpl
    def stationkit_not_a_hook() -> list[str]:
        return []

    reg = sk.Registry()
    info = reg.register(_plugin(stationkit_not_a_hook=stationkit_not_a_hook), "odd")
    assert info.error is not None and "stationkit_not_a_hook" in info.error
    reg.register(example_plugin, "example")
    assert [p.name for p in reg.plugins] == ["example", "odd"]
    assert reg.standard("example")[0].id == "example"


def test_a_hook_that_raises_is_reported_by_name() -> None:
    @sk.hookimpl
    def stationkit_standards() -> Sequence[sk.standard.Standard]:
        raise RuntimeError("boom")

    reg = sk.Registry()
    info = reg.register(_plugin(stationkit_standards=stationkit_standards), "bad")
    assert info.error is not None and "boom" in info.error
    assert reg.standards() == ()


def test_unregister_removes_what_the_plugin_supplied() -> None:
    reg = sk.Registry()
    reg.register(example_plugin, "example")
    reg.unregister("example")
    assert reg.standards() == () and reg.plugins == ()


def test_unknown_edition_lists_the_known_ones() -> None:
    reg = sk.Registry()
    reg.register(example_plugin, "example")
    with pytest.raises(sk.errors.UnknownStandardError, match="editions: 2024"):
        reg.standard("example@1999")


def test_parse_ref() -> None:
    assert sk.parse_ref("quanzhou@2025") == ("quanzhou", "2025")
    assert sk.parse_ref("quanzhou") == ("quanzhou", None)
