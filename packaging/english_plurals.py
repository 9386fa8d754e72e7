"""Fill the English plural forms of ``resources/translations/pareconapp_en.ts``.

Source texts say "%n member(s)"; Qt's recommended way to print "1 member" and "2 members"
is a plural-only English translation (``pyside6-lupdate -pluralonly``). This script writes
the singular and plural forms of every such message from the "(s)", "(es)" and "(ies)"
markers, so the file never needs hand editing. It also adds the plural messages marked with
``QT_TRANSLATE_N_NOOP`` below the UI, which ``pyside6-lupdate`` does not find by itself.
Run by ``make translations``:

    python packaging/english_plurals.py TS_FILE [SOURCE_DIR ...]
"""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

MARKER = re.compile(r"(\w+)\((s|es|ies)\)")


def forms(text: str) -> tuple[str, str]:
    """The singular and plural English forms of a source text with plural markers."""

    def singular(match: re.Match[str]) -> str:
        return match.group(1)

    def plural(match: re.Match[str]) -> str:
        word, suffix = match.group(1), match.group(2)
        return word[:-1] + "ies" if suffix == "ies" else word + suffix

    one = MARKER.sub(singular, text)
    one = re.sub(r"\bhave\b", "has", one, count=1) if MARKER.search(text) else one
    return one, MARKER.sub(plural, text)


def marked_plurals(folders: list[Path]) -> set[tuple[str, str]]:
    """Every ``QT_TRANSLATE_N_NOOP(context, text)`` in the Python files under ``folders``."""
    found: set[tuple[str, str]] = set()
    for folder in folders:
        for source in sorted(folder.rglob("*.py")):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", "")
                        == "QT_TRANSLATE_N_NOOP" and len(node.args) == 2
                        and all(isinstance(a, ast.Constant) for a in node.args)):
                    context, text = (a.value for a in node.args)  # type: ignore[attr-defined]
                    found.add((str(context), str(text)))
    return found


def add_messages(tree: ET.ElementTree, messages: set[tuple[str, str]]) -> None:
    """Add numerus messages for ``messages`` that the file lacks."""
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for context_name, text in sorted(messages):
        context = contexts.get(context_name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
            contexts[context_name] = context
        if any(m.findtext("source") == text for m in context.iter("message")):
            continue
        message = ET.SubElement(context, "message", numerus="yes")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation")


def fill(path: Path, folders: list[Path] | None = None) -> int:
    """Fill every numerus message of ``path``; return how many were filled."""
    tree = ET.parse(path)
    add_messages(tree, marked_plurals(folders or []))
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in forms(source):
            ET.SubElement(translation, "numerusform").text = form
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    ts_file, *source_folders = sys.argv[1:]
    count = fill(Path(ts_file), [Path(folder) for folder in source_folders])
    print(f"{ts_file}: {count} plural messages filled")
