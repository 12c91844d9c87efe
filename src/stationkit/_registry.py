"""The Registry: one instance per embedding app, loading plugins explicitly and in isolation.

A plugin is foreign code: importing it or calling its hooks may raise anything (SystemExit,
KeyboardInterrupt included), print, or hand back an inconsistent standard. Each of these makes
that plugin *failed*, with the reason, and the others load; only the user's own Ctrl-C stops
the loading. A standard id belongs to the plugin of that name (its distribution declares the
entry point): another plugin registering it fails; two plugins clashing on an id neither is
named after both fail. Nothing is taken over silently.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import pluggy

from stationkit import hookspecs
from stationkit.errors import DuplicateStandardError, PluginError, UnknownStandardError
from stationkit.standard._samples import Sample
from stationkit.standard._standard import Edition, Standard
from stationkit.standard._validate import standard_problems

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

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
    #: what the plugin printed to stdout while loading (kept off stdout: it would corrupt
    #: ``--json`` output)
    output: str = ""


T = TypeVar("T")
#: Printed output of a plugin kept for the warning, at most this many characters.
OUTPUT_MAX = 2_000


class _PluginFailedError(Exception):
    """Plugin code raised (anything but the user's Ctrl-C); ``reason`` says what."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextlib.contextmanager
def _user_interrupts() -> Iterator[list[bool]]:
    """Tell the user's Ctrl-C from a ``KeyboardInterrupt`` that plugin code raises: while
    the block runs, SIGINT sets the flag before raising. Outside the main thread, or when the
    application has its own SIGINT handler, every KeyboardInterrupt counts as the user's."""
    flag = [False]
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        flag[0] = True
        yield flag
        return

    def interrupted(signum: int, frame: object) -> None:
        flag[0] = True
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def _guarded(call: Callable[[], T], printed: io.StringIO, what: str) -> T:
    """``call()`` with its stdout captured into ``printed``; whatever it raises (SystemExit
    and a plugin's KeyboardInterrupt included) becomes a ``_PluginFailedError`` whose reason
    is ``what`` followed by the exception."""
    with _user_interrupts() as user, contextlib.redirect_stdout(printed):
        try:
            return call()
        except KeyboardInterrupt:
            if user[0]:
                raise
            raise _PluginFailedError(f"{what} KeyboardInterrupt") from None
        except SystemExit as exc:
            raise _PluginFailedError(f"{what} SystemExit({exc.code!r})") from None
        except BaseException as exc:  # foreign code: anything is a failure
            raise _PluginFailedError(f"{what} {type(exc).__name__}: {exc}") from None


def parse_ref(ref: str) -> tuple[str, str | None]:
    """``"quanzhou@2025"`` → ``("quanzhou", "2025")``; ``"quanzhou"`` → ``("quanzhou", None)``."""
    ident, _, edition = ref.partition("@")
    return ident, edition or None


class Registry:
    """Plugins and what they provide. Nothing is loaded until asked; two registries in one
    process share nothing (each has its own pluggy manager)."""

    def __init__(self, *, strict: bool = False, validate: bool = True) -> None:
        """``strict``: a plugin that fails raises instead of being listed as failed.
        ``validate=False`` registers standards without checking the contract (for the
        conformance toolkit, which reports each problem itself, in detail)."""
        self.strict = strict
        self.validate = validate
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._infos: dict[str, PluginInfo] = {}
        self._standards: dict[str, Standard] = {}
        self._owner: dict[tuple[str, str], str] = {}
        self._extensions: dict[str, tuple[Any, ...]] = {}
        self._samples: dict[str, tuple[Sample, ...]] = {}
        self._rule_books: dict[str, tuple[RuleBook, ...]] = {}
        # Entry-point names of every installed plugin, loaded or not: a standard id named
        # after one of them belongs to that plugin.
        self._installed: dict[str, str | None] = {}
        self._printed: dict[str, str] = {}
        self._discovered = False  # registering an entry point found installed, not asked for

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
        from importlib.metadata import entry_points  # ~10 ms: only when plugins load

        found = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
        for ep in found:
            self._installed.setdefault(ep.name, ep.dist.name if ep.dist else None)
        for ep in found:
            if allowed is not None and ep.name not in allowed:
                continue
            loaded.append(self._load_entry_point(ep))
        return tuple(loaded)

    def _load_entry_point(self, ep: EntryPoint) -> PluginInfo:
        dist = ep.dist
        where = (dist.name if dist else None, dist.version if dist else None)
        printed = io.StringIO()
        try:
            plugin = _guarded(ep.load, printed, "import failed:")
        except _PluginFailedError as exc:
            self._printed[ep.name] = printed.getvalue()
            return self._fail(ep.name, where, exc.reason)
        self._printed[ep.name] = printed.getvalue()
        self._discovered = True
        try:
            return self.register(plugin, ep.name, distribution=where[0], version=where[1])
        finally:
            self._discovered = False

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
        printed = io.StringIO(self._printed.pop(name, ""))
        printed.seek(0, io.SEEK_END)
        try:
            info = self._collect(name, plugin, where, printed)
        except PluginError as exc:
            self._pm.unregister(plugin)
            return self._fail(name, where, str(exc), output=printed.getvalue())
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
        self,
        name: str,
        where: tuple[str | None, str | None],
        reason: str,
        *,
        record: bool = True,
        output: str = "",
    ) -> PluginInfo:
        if self.strict:
            raise PluginError(f"plugin {name!r}: {reason}")
        output = output or self._printed.pop(name, "")
        info = PluginInfo(name, where[0], where[1], error=reason, output=output[:OUTPUT_MAX])
        if record:
            self._infos[name] = info
        return info

    def _call(self, hook: pluggy.HookCaller, plugin: object, printed: io.StringIO) -> list[Any]:
        results: list[Any] = []
        for impl in hook.get_hookimpls():
            if impl.plugin is plugin:

                def call(function: Callable[[], Any] = impl.function) -> list[Any]:
                    return list(cast("Iterable[Any]", function() or ()))

                try:
                    results.extend(_guarded(call, printed, f"hook {hook.name} raised"))
                except _PluginFailedError as exc:
                    raise PluginError(exc.reason) from None
        return results

    def _claimant(self, standard_id: str, name: str) -> str | None:
        """The plugin a standard id belongs to, when it is not ``name``: a registered plugin
        of that very name, or, for a plugin found among the installed entry points, an
        installed one (loaded or not). A plugin the application or the user registers
        explicitly (``register``, ``--plugin``) may stand in for an installed one."""
        if standard_id == name:
            return None
        if standard_id in self._infos or (self._discovered and standard_id in self._installed):
            return standard_id
        return None

    def _collect(
        self,
        name: str,
        plugin: object,
        where: tuple[str | None, str | None],
        printed: io.StringIO,
    ) -> PluginInfo:
        hook = self._pm.hook
        standards = self._call(hook.stationkit_standards, plugin, printed)
        extensions = self._call(hook.stationkit_machine_extensions, plugin, printed)
        samples = self._call(hook.stationkit_samples, plugin, printed)
        books = self._call(hook.stationkit_monitor_rules, plugin, printed)
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
            problems = standard_problems(std) if self.validate else []
            if problems:
                shown = "; ".join(problems[:5])
                more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
                raise PluginError(f"invalid standard: {shown}{more}")
        if self.validate:
            _check_extensions(extensions)
        refs: list[str] = []
        for std in standards:
            claimant = self._claimant(std.id, name)
            if claimant is not None:
                dist = self._installed.get(claimant)
                of = f" (distribution {dist})" if dist else ""
                raise DuplicateStandardError(
                    f"standard {std.id!r} belongs to plugin {claimant!r}{of}; "
                    f"plugin {name!r} may not register it"
                )
            for ed in std.editions:
                owner = self._owner.get((std.id, ed.edition))
                if owner is not None:
                    reason = (
                        f"standard {std.id}@{ed.edition} is registered by both plugin "
                        f"{owner!r} and plugin {name!r}; neither is loaded"
                    )
                    self._fail_loaded(owner, reason)
                    raise DuplicateStandardError(reason)
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
        output = printed.getvalue()[:OUTPUT_MAX]
        return PluginInfo(name, where[0], where[1], tuple(sorted(refs)), hooks, output=output)

    def _fail_loaded(self, name: str, reason: str) -> None:
        """Turn an already loaded plugin into a failed one (a clash found later)."""
        info = self._infos.get(name)
        self.unregister(name)
        if self.strict:
            return  # the caller raises, naming both
        if info is not None:
            self._infos[name] = attrs.evolve(info, standards=(), hooks=(), error=reason)

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


def _check_extensions(extensions: list[Any]) -> None:
    """Machine extensions must be ``MachineExtension``s that resolve: every machine they
    extend is built once, per edition they name, as the lifecycle commands would."""
    if not extensions:
        return
    from stationkit.lifecycle import MachineExtension, resolve_machine

    for ext in extensions:
        if not isinstance(ext, MachineExtension):
            raise PluginError(
                f"stationkit_machine_extensions returned {type(ext).__name__}, "
                "not a MachineExtension"
            )
    groups: dict[tuple[str, str], list[MachineExtension]] = {}
    for ext in extensions:
        groups.setdefault((ext.machine, ext.standard), []).append(ext)
    for (machine, standard), exts in groups.items():
        named = sorted({e for ext in exts for e in ext.editions or ()})
        editions: list[str | None] = [*named] if named else [None]
        for edition in editions:
            try:
                resolve_machine(machine, exts, edition)
            except Exception as exc:
                raise PluginError(
                    f"machine extension of {machine!r} for {standard!r} is invalid: {exc}"
                ) from None
