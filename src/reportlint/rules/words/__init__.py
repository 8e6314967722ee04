"""Word rules (TYP) written in Python: a word written twice, 的 where a complement needs 得 or an adverbial 地,
and a character that makes a common word a non-word.

The data-driven word rules are packs under rules/: TYP001 misspellings (typos.toml), TYP002 confused words
(context-pairs.toml), TYP003 fixed formulations (formulations.toml), TYP004 variant forms (variants.toml) and
TYP007 mixed terms (term-pairs.toml).
"""

from reportlint.rules.words.adverbial_de import AdverbialDe
from reportlint.rules.words.complement_de import ComplementDe
from reportlint.rules.words.duplicated_word import DuplicatedWord
from reportlint.rules.words.nonword_typo import NonwordTypo

RULES = (DuplicatedWord, ComplementDe, NonwordTypo, AdverbialDe)
