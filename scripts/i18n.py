"""Refresh the translation catalogues: `python scripts/i18n.py`.

1. Collects the UI strings (makemessages) into wanqu/locale/{zh_Hans,zh_Hant,en}.
2. Fills each empty Traditional entry from the Simplified one with OpenCC s2hk (Hong Kong
   standard, as GLOSSARY.md asks); entries a person already wrote are kept.
3. English msgids are English: each empty English entry gets its msgid.
4. Compiles the .mo files, which are committed so that a machine without gettext still runs.

Simplified is written by hand in wanqu/locale/zh_Hans/LC_MESSAGES/django.po.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "wanqu" / "locale"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wanqu.settings")
    os.environ.setdefault("WANQU_DATA_DIR", str(ROOT / "var"))
    wanqu = [sys.executable, "-m", "wanqu"]
    ignore = ["--ignore", "tests/*", "--ignore", "*/tests/*", "--ignore", "node_modules/*"]
    subprocess.run(
        [*wanqu, "makemessages", "-l", "zh_Hans", "-l", "zh_Hant", "-l", "en", "--no-obsolete", *ignore],
        cwd=ROOT / "wanqu",
        check=True,
    )
    for domain in ("django", "djangojs"):
        fill(domain)
    subprocess.run([*wanqu, "compilemessages"], cwd=ROOT / "wanqu", check=True)


def fill(domain: str) -> None:
    hans_path = LOCALE / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po"
    if not hans_path.exists():
        return
    from wanqu.core.text import to_traditional

    # msgmerge's fuzzy guesses are usually wrong ("Reports" → 港口): make them plain gaps.
    hans_po = polib.pofile(str(hans_path))
    for entry in hans_po.fuzzy_entries():
        entry.msgstr, entry.flags = "", [f for f in entry.flags if f != "fuzzy"]
    hans_po.save()
    hans = {(e.msgctxt, e.msgid): e for e in hans_po}
    hant = polib.pofile(str(LOCALE / "zh_Hant" / "LC_MESSAGES" / f"{domain}.po"))
    for entry in hant:
        source = hans.get((entry.msgctxt, entry.msgid))
        if source is None or not _done(source):
            if "fuzzy" in entry.flags:  # a guess with nothing to copy from: a plain gap, not a wrong text
                entry.msgstr, entry.msgstr_plural = "", {k: "" for k in entry.msgstr_plural}
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
            continue
        if _done(entry) and "fuzzy" not in entry.flags:
            continue
        entry.msgstr = to_traditional(source.msgstr)
        entry.msgstr_plural = {k: to_traditional(v) for k, v in source.msgstr_plural.items()}
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    hant.save()
    english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / f"{domain}.po"))
    for entry in english:
        # English msgids are the English text. Never keep another msgstr: msgmerge's fuzzy guesses
        # ("no English name" → "English name", "Cancel" → "finance") once slipped in that way.
        entry.msgstr = entry.msgid
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    english.save()


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)[sd]", text))


def _lost_placeholder(entry: polib.POEntry) -> bool:
    """Does a translation name placeholders other than its msgid's (a wrong guess by msgmerge)?"""
    wanted = _placeholders(entry.msgid)
    texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    return any(text and _placeholders(text) != wanted for text in texts)


def _done(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


if __name__ == "__main__":
    main()
