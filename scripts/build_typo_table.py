#!/usr/bin/env python3
"""Build the word tables of the TYP rules (src/reportlint/data/typo/): run after changing a source or a setting.

    pip install -e '.[build]'        # jieba (its dict.txt, MIT): a build-time tool only
    python scripts/build_typo_table.py [--confusions ../shared/data/pycorrector]

Writes two tables in the binary layout of ``write_table`` (a fixed-width index by first character, then sorted
groups of UTF-8 lines by first two characters), read through ``mmap`` by ``reportlint.analysis.lexicon``
without any start-up parse:

- ``words.bin``: ``word → cost`` for every all-Han word of jieba's dict.txt (and of rules/words-allow.txt), where
  cost = round(-ln(freq / total) * 4), the unigram cost of the segmenter;
- ``variants.bin``: ``key → variant at char kind;…``: the non-words one character away from a frequent word,
  found by replacing one character with a same-sound (pycorrector same_pinyin.txt) or look-alike character
  (pycorrector same_stroke.txt), except those that hold a variant form of rules/variants.toml (股分制: TYP004's,
  severity info). ``key`` is the two characters of the variant that hold the replaced character
  (its bigram with the next character, or with the previous one at the end); ``at`` (one digit) is the index of
  the replaced character in the variant, ``char`` the correct character there; ``kind`` is ``s`` (same sound
  and tone) or ``o`` (other tone, or look-alike).

Sources and licences: see src/reportlint/data/typo/README.md.
"""

from __future__ import annotations

import argparse
import math
import re
import struct
import tomllib
from collections import defaultdict
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/reportlint/data/typo"
ALLOW = ROOT / "rules/words-allow.txt"
VARIANT_FORMS = ROOT / "rules/variants.toml"
HAN = re.compile(r"[\u4e00-\u9fff]+")

#: Corrections only to common words: 2-character ones of a same-sound slip from this frequency (in jieba's
#: counts), other 2-character ones from OTHER_MIN, longer ones from LONG_MIN.
SAME_MIN = 200
OTHER_MIN = 3000
LONG_MIN = 300
#: 4-character idioms and set phrases (jieba tags i, l: 急功近利 98, 针砭时弊 22) from this frequency.
IDIOM_MIN = 20
#: Parts of speech (jieba's tags) of words never proposed as corrections: names of people (not nr, which jieba
#: also gives common words: 蓝图) and places, other
#: proper nouns, numerals, times, directions, places, classifiers (本月 for 本育, 一页 for 一冶).
NO_CORRECTION_TAGS = {"nrt", "nrfg", "ns", "nz", "m", "t", "f", "s", "q", "df", "mq", "tg", "x", "eng"}


def cost(freq: int, total: int) -> int:
    return round(-math.log(freq / total) * 4)


#: First characters the tables index (CJK Unified Ideographs): one fixed-width slot each.
FIRST, LAST = 0x4E00, 0x9FFF
MAGIC = b"RLTAB\x02\x00\x00"


def write_table(path: Path, table: dict[str, str]) -> None:
    """Write ``key → value`` (keys of Han characters) in the layout ``reportlint.analysis.lexicon`` reads without
    parsing anything: ``MAGIC``; a fixed-width index, one little-endian ``uint32`` pair (record offset, count
    n) per first character U+4E00..U+9FFF; per first character a record of n sorted ``uint32`` code points of
    the keys' second characters (0 for the one-character key) and n + 1 ``uint32`` file offsets of their
    groups; then the groups: the UTF-8 lines ``rest<TAB>value`` of the keys sharing their first two characters
    (``rest``: the key after them).
    """
    groups: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for key in sorted(table):
        groups[key[0]][ord(key[1]) if len(key) > 1 else 0].append(f"{key[2:]}\t{table[key]}\n")
    slots = LAST - FIRST + 1
    records_at = len(MAGIC) + 8 * slots
    records = bytearray()
    index = [(0, 0)] * slots
    bodies: list[tuple[list[int], list[bytes]]] = []
    for char in sorted(groups):
        seconds = sorted(groups[char])
        index[ord(char) - FIRST] = (records_at + len(records), len(seconds))
        records += bytes(8 * len(seconds) + 4)  # filled in below, once the body's offsets are known
        bodies.append((seconds, ["".join(groups[char][s]).encode("utf-8") for s in seconds]))
    body_at = records_at + len(records)
    out = bytearray(MAGIC)
    for offset, count in index:
        out += struct.pack("<II", offset, count)
    position = body_at
    body = bytearray()
    for (seconds, chunks), char in zip(bodies, sorted(groups), strict=True):
        offset, count = index[ord(char) - FIRST]
        at = offset - records_at
        starts = []
        for chunk in chunks:
            starts.append(position)
            position += len(chunk)
            body += chunk
        starts.append(position)
        records[at : at + 4 * count] = struct.pack(f"<{count}I", *seconds)
        records[at + 4 * count : at + 8 * count + 4] = struct.pack(f"<{count + 1}I", *starts)
    path.write_bytes(bytes(out + records + body))


def read_confusions(folder: Path, common: set[str]) -> dict[str, dict[str, str]]:
    """char → {confusable char: kind}, both directions, among common characters."""
    confusions: dict[str, dict[str, str]] = defaultdict(dict)

    def add(a: str, b: str, kind: str) -> None:
        if a != b and a in common and b in common:
            if confusions[a].get(b) != "s":
                confusions[a][b] = kind
            if confusions[b].get(a) != "s":
                confusions[b][a] = kind

    for line in (folder / "same_pinyin.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        for column, kind in zip(parts[1:3], "so", strict=False):
            for char in column:
                add(parts[0], char, kind)
    for line in (folder / "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        group = [char for char in line.split("\t") if char]
        for a in group:
            for b in group:
                add(a, b, "o")
    return confusions


def _holds_any(text: str, forms: set[str]) -> bool:
    return any(text[i:j] in forms for i in range(len(text)) for j in range(i + 2, len(text) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--confusions", type=Path, default=ROOT.parent / "shared/data/pycorrector")
    args = parser.parse_args()
    lexicon: dict[str, tuple[int, str]] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, freq, *tag = line.split()
            if HAN.fullmatch(word) and len(word) <= 8:
                lexicon[word] = (int(freq), tag[0] if tag else "")
    total = sum(freq for freq, _ in lexicon.values())
    allowed = [w for w in ALLOW.read_text(encoding="utf-8").split() if not w.startswith("#") and HAN.fullmatch(w)]
    for word in allowed:
        lexicon.setdefault(word, (100, "allow"))
    # common characters: the 5,000 most frequent in the dictionary's counts (a draft's characters, not rare ones)
    char_freq: dict[str, int] = defaultdict(int)
    for word, (freq, _) in lexicon.items():
        for char in word:
            char_freq[char] += freq
    common = set(sorted(char_freq, key=lambda char: -char_freq[char])[:5000])
    confusions = read_confusions(args.confusions, common)
    # the variant forms of GF 1001-2001 are TYP004's (severity info: a recommendation, not a typo)
    listed = tomllib.loads(VARIANT_FORMS.read_text(encoding="utf-8"))["rules"][0]["entries"]
    variant_forms = {entry["match"] for entry in listed if "match" in entry}
    variants: dict[str, list[str]] = defaultdict(list)
    for word, (freq, tag) in lexicon.items():
        if not 2 <= len(word) <= 4 or tag in NO_CORRECTION_TAGS or tag == "allow" or freq < IDIOM_MIN:
            continue
        for at, char in enumerate(word):
            for other, kind in confusions.get(char, {}).items():
                if len(word) == 2 and freq < (SAME_MIN if kind == "s" else OTHER_MIN):
                    continue
                if len(word) > 2 and freq < (IDIOM_MIN if len(word) == 4 and tag in ("i", "l") else LONG_MIN):
                    continue
                variant = word[:at] + other + word[at + 1 :]
                if variant in lexicon or _holds_any(variant, variant_forms):
                    continue
                offset = at if at + 1 < len(word) else at - 1
                variants[variant[offset : offset + 2]].append(f"{variant}{at}{char}{kind}")
    OUT.mkdir(parents=True, exist_ok=True)
    write_table(OUT / "words.bin", {w: str(cost(f, total)) for w, (f, _) in lexicon.items()})
    write_table(OUT / "variants.bin", {key: ";".join(sorted(v)) for key, v in variants.items()})
    print(f"{len(lexicon):,} words, {sum(map(len, variants.values())):,} variants under {len(variants):,} keys")


if __name__ == "__main__":
    main()
