"""The Registry: one instance per embedding app, loading plugins explicitly and in isolation."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

import attrs
import pluggy

from stationkit import hookspecs
from stationkit.errors import DuplicateStandardError, PluginError, UnknownStandardError
from stationkit.standard._samples import Sample
from stationkit.standard._standard import Edition, Standard

if TYPE_CHECKING:
    from stationkit.monitor import Rule, RuleBook

ENTRY_POINT_GROUP = "stationkit"
#: Comma-separated plugin names: when set (and non-empty), only these plugins load.
PLUGINS_ENV = "STATIONKIT_PLUGINS"


@attrs.frozen
class PluginInfo:
    """What the registry knows of one plugin: where it came from and what it supplied."""

    name: str
    distribution: str | None
    version: str | None
    standards: tuple[str, ...] = ()
    hooks: tuple[str, ...] = ()
    error: str | None = None


def parse_ref(ref: str) -> tuple[str, str | None]:
    """``"quanzhou@2025"`` → ``("quanzhou", "2025")``; ``"quanzhou"`` → ``("quanzhou", None)``."""
    ident, _, edition = ref.partition("@")
    return ident, edition or None


class Registry:
    """Plugins and what they provide. Nothing is loaded until asked; two registries in one
    process share nothing (each has its own pluggy manager)."""

    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._infos: dict[str, PluginInfo] = {}
        self._standards: dict[str, Standard] = {}
        self._owner: dict[tuple[str, str], str] = {}
        self._extensions: dict[str, tuple[Any, ...]] = {}
        self._samples: dict[str, tuple[Sample, ...]] = {}
        self._rule_books: dict[str, tuple[RuleBook, ...]] = {}

    # -- loading -----------------------------------------------------------------------
    def load_entry_points(
        self, only: Iterable[str] | None = None, environ: Mapping[str, str] | None = None
    ) -> tuple[PluginInfo, ...]:
        """Load the installed ``stationkit`` entry points, each in isolation.

        ``only`` restricts by plugin name; when None, the ``STATIONKIT_PLUGINS`` variable of
        ``environ`` (default: the process environment) does, if set.
        """
        if only is None:
            wanted = (environ if environ is not None else os.environ).get(PLUGINS_ENV, "")
            only = [n.strip() for n in wanted.split(",") if n.strip()] or None
        allowed = set(only) if only is not None else None
        loaded = []
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if allowed is not None and ep.name not in allowed:
                continue
            loaded.append(self._load_entry_point(ep))
        return tuple(loaded)

    def _load_entry_point(self, ep: EntryPoint) -> PluginInfo:
        dist = ep.dist
        where = (dist.name if dist else None, dist.version if dist else None)
        try:
            plugin = ep.load()
        except Exception as exc:
            return self._fail(ep.name, where, f"import failed: {type(exc).__name__}: {exc}")
        return self.register(plugin, ep.name, distribution=where[0], version=where[1])

    def register(
        self,
        plugin: ModuleType | object,
        name: str,
        *,
        distribution: str | None = None,
        version: str | None = None,
    ) -> PluginInfo:
        """Register an in-process plugin (a module or object with hook functions)."""
        where = (distribution, version)
        if name in self._infos:
            return self._fail(
                name, where, f"a plugin named {name!r} is already registered", record=False
            )
        try:
            self._pm.register(plugin, name=name)
        except Exception as exc:  # pluggy.PluginValidationError, ValueError on duplicates
            return self._fail(name, where, f"invalid hooks: {exc}")
        unknown = sorted(
            hc.name for hc in self._pm.get_hookcallers(plugin) or [] if not hc.has_spec()
        )
        if unknown:
            self._pm.unregister(plugin)
            return self._fail(name, where, f"implements unknown hook(s): {', '.join(unknown)}")
        try:
            info = self._collect(name, plugin, where)
        except PluginError as exc:
            self._pm.unregister(plugin)
            return self._fail(name, where, str(exc))
        self._infos[name] = info
        return info

    def unregister(self, name: str) -> None:
        """Remove a plugin and everything it supplied."""
        plugin = self._pm.get_plugin(name)
        if plugin is not None:
            self._pm.unregister(plugin)
        self._infos.pop(name, None)
        for key in [k for k, owner in self._owner.items() if owner == name]:
            del self._owner[key]
        self._standards = {
            sid: attrs.evolve(
                std, editions=tuple(e for e in std.editions if (sid, e.edition) in self._owner)
            )
            for sid, std in self._standards.items()
            if any((sid, e.edition) in self._owner for e in std.editions)
        }
        self._extensions.pop(name, None)
        self._samples.pop(name, None)
        self._rule_books.pop(name, None)

    def _fail(
        self, name: str, where: tuple[str | None, str | None], reason: str, *, record: bool = True
    ) -> PluginInfo:
        if self.strict:
            raise PluginError(f"plugin {name!r}: {reason}")
        info = PluginInfo(name, where[0], where[1], error=reason)
        if record:
            self._infos[name] = info
        return info

    def _call(self, hook: pluggy.HookCaller, plugin: object) -> list[Any]:
        results: list[Any] = []
        for impl in hook.get_hookimpls():
            if impl.plugin is plugin:
                try:
                    results.extend(cast("Iterable[Any]", impl.function() or ()))
                except Exception as exc:
                    raise PluginError(
                        f"hook {hook.name} raised {type(exc).__name__}: {exc}"
                    ) from exc
        return results

    def _collect(
        self, name: str, plugin: object, where: tuple[str | None, str | None]
    ) -> PluginInfo:
        hook = self._pm.hook
        standards = self._call(hook.stationkit_standards, plugin)
        extensions = self._call(hook.stationkit_machine_extensions, plugin)
        samples = self._call(hook.stationkit_samples, plugin)
        books = self._call(hook.stationkit_monitor_rules, plugin)
        if books:
            from stationkit.monitor import RuleBook  # on demand: import stationkit stays light
        for book in books:
            if not isinstance(book, RuleBook):
                raise PluginError(
                    f"stationkit_monitor_rules returned {type(book).__name__}, not a RuleBook"
                )
        for std in standards:
            if not isinstance(std, Standard):
                raise PluginError(
                    f"stationkit_standards returned {type(std).__name__}, not a Standard"
                )
        refs: list[str] = []
        for std in standards:
            for ed in std.editions:
                owner = self._owner.get((std.id, ed.edition))
                if owner is not None:
                    raise DuplicateStandardError(
                        f"standard {std.id}@{ed.edition} is registered by both plugin "
                        f"{owner!r} and plugin {name!r}"
                    )
                refs.append(f"{std.id}@{ed.edition}")
        for std in standards:
            for ed in std.editions:
                self._owner[(std.id, ed.edition)] = name
            known = self._standards.get(std.id)
            self._standards[std.id] = (
                std
                if known is None
                else attrs.evolve(known, editions=known.editions + std.editions)
            )
        self._extensions[name] = tuple(extensions)
        self._samples[name] = tuple(samples)
        self._rule_books[name] = tuple(books)
        hooks = tuple(sorted(hc.name for hc in self._pm.get_hookcallers(plugin) or []))
        return PluginInfo(name, where[0], where[1], tuple(sorted(refs)), hooks)

    # -- queries -----------------------------------------------------------------------
    @property
    def plugins(self) -> tuple[PluginInfo, ...]:
        return tuple(self._infos[n] for n in sorted(self._infos))

    @property
    def failed(self) -> tuple[PluginInfo, ...]:
        return tuple(p for p in self.plugins if p.error is not None)

    def standards(self) -> tuple[Standard, ...]:
        return tuple(self._standards[s] for s in sorted(self._standards))

    def standard(self, ref: str) -> tuple[Standard, Edition]:
        """Look up ``ID`` or ``ID@EDITION`` (the latest edition when none is named)."""
        ident, edition = parse_ref(ref)
        std = self._standards.get(ident)
        if std is None:
            known = ", ".join(sorted(self._standards)) or "none loaded"
            raise UnknownStandardError(f"no plugin provides standard {ident!r} (known: {known})")
        try:
            return std, std.edition(edition)
        except KeyError as exc:
            raise UnknownStandardError(exc.args[0]) from None

    def provider(self, standard_id: str, edition: str) -> str:
        """The name of the plugin that registered ``standard_id@edition``."""
        return self._owner[(standard_id, edition)]

    def machine_extensions(self, standard_id: str, edition: str | None = None) -> tuple[Any, ...]:
        """Every plugin's extensions that apply to the standard (and edition)."""
        found = []
        for name in sorted(self._extensions):
            for ext in self._extensions[name]:
                if ext.standard != standard_id:
                    continue
                if edition is not None and ext.editions is not None and edition not in ext.editions:
                    continue
                found.append(ext)
        return tuple(found)

    def machine_extensions_of(self, plugin: str) -> tuple[Any, ...]:
        """The machine extensions one plugin supplied (for conformance checks)."""
        return self._extensions.get(plugin, ())

    def samples(self) -> tuple[Sample, ...]:
        return tuple(s for name in sorted(self._samples) for s in self._samples[name])

    def monitor_rules(self, standard_id: str, edition: str | None = None) -> tuple[Rule, ...]:
        """The live-monitoring rules in force for the standard (and edition): the plugins'
        rule books, the core's defaults for the topics they leave, the schedule's rules."""
        from stationkit.monitor import rules_in_force  # on demand: import stationkit stays light

        books = [
            book
            for name in sorted(self._rule_books)
            for book in self._rule_books[name]
            if book.applies_to(standard_id, edition)
        ]
        return rules_in_force([rule for book in books for rule in book.rules])
