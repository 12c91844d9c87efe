"""MkDocs hooks of the documentation site (mkdocs.yml ``hooks:``).

Material's language selector reads ``sitemap.xml`` under each language's root to find the
same page in the other language; mkdocs-static-i18n writes the sitemap only at the site's
root. Give each language its copy, so the selector never asks for a page that is not there.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

LANGUAGE_DIRS = ("zh",)


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        source = site / name
        for lang in LANGUAGE_DIRS:
            target = site / lang
            if source.is_file() and target.is_dir():
                shutil.copyfile(source, target / name)
