"""The shared sentence and clause analysis."""

from __future__ import annotations

from reportlint.analysis.sentences import clauses, sentences
from reportlint.document import Document, blocks_from_lines


def texts(spans) -> list[str]:
    return [span.text for span in spans]


def doc(*lines: str) -> Document:
    return Document("t.txt", "txt", blocks_from_lines(list(lines)), list(lines))


def test_sentences_keep_closing_quotes_and_split_per_block():
    document = doc("他说：“要抓落实。”我们照办！真的吗？是", "第二段。")
    assert texts(document.analysis(sentences)) == ["他说：“要抓落实。”", "我们照办！", "真的吗？", "是", "第二段。"]


def test_clauses_split_on_commas_semicolons_and_colons_not_on_dunhao():
    document = doc("一是抓学习，二是抓落实；三是抓项目、抓招商：见效。  ")
    assert texts(document.analysis(clauses)) == ["一是抓学习，", "二是抓落实；", "三是抓项目、抓招商：", "见效。"]


def test_spans_index_into_the_block():
    document = doc("  甲，乙。")
    spans = document.analysis(clauses)
    assert [(s.start, s.end) for s in spans] == [(2, 4), (4, 6)]
    assert document.analysis(clauses) is spans  # computed once per document
