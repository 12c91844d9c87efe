"""Shell completion through argcomplete (the ``completion`` extra): ``stationkit completion
bash`` prints the hook to ``eval`` in a shell's startup file; ``main`` answers the shell's
completion requests (it sets ``_ARGCOMPLETE``) before any command runs."""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from stationkit.errors import UsageError

SHELLS = ("bash", "zsh", "fish", "tcsh", "powershell")
INSTALL_HINT = "shell completion needs argcomplete: pip install 'stationkit[completion]'"


def autocomplete(parser: argparse.ArgumentParser) -> None:
    """Answer a completion request and exit, when the shell made one; else do nothing."""
    if "_ARGCOMPLETE" not in os.environ:
        return  # not completing: do not pay for the import
    try:
        import argcomplete
    except ImportError:
        return
    argcomplete.autocomplete(parser)


def cmd_completion(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from argcomplete.shell_integration import shellcode
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    out.write(shellcode(["stationkit"], shell=args.shell))
    return 0


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "completion",
        help="print the shell-completion hook (eval it in your shell's startup file)",
        description='Print the completion hook for a shell: `eval "$(stationkit completion '
        'bash)"` in ~/.bashrc (zsh: ~/.zshrc). Needs the `completion` extra (argcomplete).',
    )
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    p.set_defaults(run=cmd_completion)
