"""``stationkit --plugin [NAME=]MODULE[:OBJECT]``: load a plugin without installing it, as
pytest's ``-p`` does. The module is imported from ``sys.path`` (``PYTHONPATH``); ``OBJECT`` is
an attribute of it holding the hooks (default: the module itself). The plugin's name is
``NAME``, else ``OBJECT``, else the module's top package without a ``stationkit_`` prefix
(``stationkit_mycounty.plugin`` → ``mycounty``). It replaces an installed plugin of that name.
"""

from __future__ import annotations

import importlib
import re

from stationkit._registry import PluginInfo, Registry
from stationkit.errors import UsageError

SPEC_RE = re.compile(
    r"(?:(?P<name>[A-Za-z_][\w-]*)=)?(?P<module>[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)"
    r"(?::(?P<object>[A-Za-z_]\w*))?"
)


def plugin_name(module: str, obj: str | None) -> str:
    if obj:
        return obj
    top = module.split(".")[0]
    return top.removeprefix("stationkit_") or top


def load_plugin(registry: Registry, spec: str) -> PluginInfo:
    """Import and register the plugin ``spec`` names; a spec that cannot be carried out
    (bad form, module not importable, no such object, hooks refused) is a usage error."""
    match = SPEC_RE.fullmatch(spec.strip())
    if match is None:
        raise UsageError(f"--plugin {spec!r}: expected [NAME=]MODULE[:OBJECT], e.g. mypkg.plugin")
    module_name, obj = match["module"], match["object"]
    name = match["name"] or plugin_name(module_name, obj)
    try:
        module = importlib.import_module(module_name)
    except (Exception, SystemExit) as exc:  # the user named it: what stops the import is input
        raise UsageError(
            f"--plugin {spec!r}: cannot import {module_name}: {type(exc).__name__}: {exc} "
            "(is its directory on PYTHONPATH?)"
        ) from None
    plugin: object = module
    if obj:
        if not hasattr(module, obj):
            raise UsageError(f"--plugin {spec!r}: module {module_name} has no attribute {obj!r}")
        plugin = getattr(module, obj)
    registry.unregister(name)  # the plugin named on the command line wins
    info = registry.register(plugin, name)
    if info.error:
        raise UsageError(f"--plugin {spec!r}: {info.error}")
    if not info.hooks:
        registry.unregister(name)
        raise UsageError(
            f"--plugin {spec!r}: {module_name} has no stationkit hooks "
            "(functions decorated with @stationkit.hookimpl, e.g. stationkit_standards)"
        )
    return info
