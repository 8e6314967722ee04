"""Build the evaluation drafts and their manifests from the annotated sources.

Each source in tests/quality/src/{dev,test}/NAME.src is the draft text with its planted defects and
traps marked inline:

    ⟦PH/year-placeholder|20xx年|2025年|optional note⟧   a defect: family/kind | text | fix | note
    ⟦T|“人工智能+”|optional note⟧                       a trap (a correct look-alike)

Lines starting with "#! key = value" at the top are metadata (title, genre, issuer, pair, ext).
The build strips the marks, writes drafts/{split}/NAME.txt (or .md) and NAME.toml with 1-based
line numbers computed from the stripped text. Run:  python tests/quality/build_drafts.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "drafts"
MARK = re.compile(r"⟦([^⟦⟧]*)⟧")
FAMILIES = ("PH", "NUM", "SEC", "TYP", "PUN")
HAN = re.compile(r"[\u4e00-\u9fff]")


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def build(src: Path) -> tuple[str, Path, list[dict], list[dict], dict]:
    raw = src.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    body_lines = []
    header = True
    for line in raw.split("\n"):
        if header and line.startswith("#! "):
            k, _, v = line[3:].partition("=")
            meta[k.strip()] = v.strip()
            continue
        if header and not line.strip():
            header = False
            continue
        header = False
        body_lines.append(line)
    body = "\n".join(body_lines).rstrip("\n") + "\n"
    out: list[str] = []
    defects: list[dict] = []
    traps: list[dict] = []
    pos = 0
    for m in MARK.finditer(body):
        out.append(body[pos : m.start()])
        fields = m.group(1).split("|")
        head, text = fields[0], fields[1]
        line = "".join(out).count("\n") + 1
        if head == "T":
            traps.append({"line": line, "text": text, "note": fields[2] if len(fields) > 2 else ""})
        else:
            fam, _, kind = head.partition("/")
            if fam not in FAMILIES or not kind:
                raise SystemExit(f"{src}: bad mark {m.group(0)}")
            d = {"family": fam, "kind": kind, "line": line, "text": text}
            if len(fields) > 2 and fields[2]:
                d["fix"] = fields[2]
            if len(fields) > 3 and fields[3]:
                d["note"] = fields[3]
            defects.append(d)
        out.append(text)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise SystemExit(f"{src}: unbalanced mark")
    split = src.parent.name
    dest = OUT / split / (src.stem + "." + meta.get("ext", "txt"))
    return text, dest, defects, traps, meta


def manifest(dest: Path, defects: list[dict], traps: list[dict], meta: dict, han: int) -> str:
    lines = [f"draft = {q(dest.name)}", f"split = {q(dest.parent.name)}"]
    for k in ("title", "genre", "issuer", "pair"):
        if k in meta:
            lines.append(f"{k} = {q(meta[k])}")
    lines.append(f"han_chars = {han}")
    lines.append('author = "reportlint team (hand-written evaluation drafts)"')
    for d in defects:
        lines.append("")
        lines.append("[[defect]]")
        for k in ("family", "kind", "line", "text", "fix", "note"):
            if k in d:
                lines.append(f"{k} = {d[k] if k == 'line' else q(d[k])}")
    for t in traps:
        lines.append("")
        lines.append("[[trap]]")
        lines.append(f"line = {t['line']}")
        lines.append(f"text = {q(t['text'])}")
        if t["note"]:
            lines.append(f"note = {q(t['note'])}")
    return "\n".join(lines) + "\n"


def main() -> int:
    total = Counter()
    per_split: dict[str, Counter] = {}
    ok = True
    for src in sorted(SRC.glob("*/*.src")):
        text, dest, defects, traps, meta = build(src)
        han = len(HAN.findall(text))
        dest.parent.mkdir(parents=True, exist_ok=True)
        for old in dest.parent.glob(src.stem + ".*"):
            old.unlink()
        dest.write_text(text, encoding="utf-8")
        dest.with_suffix(".toml").write_text(manifest(dest, defects, traps, meta, han), encoding="utf-8")
        fam = Counter(d["family"] for d in defects)
        total.update(fam)
        per_split.setdefault(dest.parent.name, Counter()).update(fam)
        per_split[dest.parent.name]["drafts"] += 1
        per_split[dest.parent.name]["traps"] += len(traps)
        warn = []
        if not 1500 <= han <= 4000:
            warn.append(f"han={han}")
        if len(defects) < 8:  # batch 1 planted 25 or more a draft, batch 2 (shorter drafts) 8–15
            warn.append("defects<8")
        if len(traps) < 8:
            warn.append("traps<8")
        ok &= not warn
        fams = " ".join(f"{f}={fam[f]}" for f in FAMILIES)
        print(
            f"{dest.parent.name}/{dest.name:40} han={han:5} defects={len(defects):3} traps={len(traps):3}  {fams}"
            + ("  !! " + ", ".join(warn) if warn else "")
        )
    for s, c in per_split.items():
        print(s, dict(c))
    print("total", dict(total), "defects", sum(total.values()))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
