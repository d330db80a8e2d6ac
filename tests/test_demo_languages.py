"""The demo workbook in Chinese: its notes, sources and issuers in Chinese, its numbers alike."""

from __future__ import annotations

from pathlib import Path

from ljtracker.cli import main
from ljtracker.services.demo import demo_document, write_demo
from ljtracker.storage import reads
from ljtracker.storage.workbook import Workbook

_TEXTS = ("notes", "note", "source")


def _specs(document: dict[str, object]) -> list[dict[str, object]]:
    """Every table of the document that may hold a text: plans, targets, baselines, figures."""
    found = []
    for plan in document["plans"]:  # type: ignore[attr-defined]
        found.append(plan)
        for target in plan.get("targets", []):
            found += [target, target.get("baseline") or {}, *target.get("observations", [])]
    return found


def test_every_note_and_source_of_the_demo_has_its_chinese() -> None:
    missing = [
        spec[key]
        for spec in _specs(demo_document())
        for key in _TEXTS
        if spec.get(key) and f"{key}_zh" not in spec
    ]
    assert missing == []


def _contents(path: Path) -> tuple[list[object], dict[str, str], list[str]]:
    """The numbers, and the plans' issuers and the texts, of a workbook."""
    with Workbook.open(path, read_only=True) as wb:
        plans = reads.plans(wb)
        targets = [t for p in plans for t in reads.targets(wb, p.id)]
        figures = reads.observations(wb, [t.id for t in targets if t.id is not None])
        numbers: list[object] = [(t.code, t.baseline_value, t.target_value) for t in targets]
        numbers += [(o.year, o.value, o.quality) for o in figures]
        texts = [p.notes for p in plans] + [t.notes for t in targets]
        texts += [t.baseline_source for t in targets] + [o.source for o in figures]
        return numbers, {p.code: p.issuer for p in plans}, [x for x in texts if x]


def test_the_demo_is_written_in_the_language_asked(tmp_path: Path) -> None:
    english, chinese = tmp_path / "en.ljt", tmp_path / "zh.ljt"
    write_demo(english)
    assert main(["demo", str(chinese), "--lang", "zh"]) == 0
    numbers_en, issuers_en, texts_en = _contents(english)
    numbers_zh, issuers_zh, texts_zh = _contents(chinese)
    assert numbers_zh == numbers_en
    assert issuers_zh["LJ2025"] == "中共重庆市委、重庆市人民政府"
    assert issuers_en["LJ2025"].endswith(
        "/ CPC Chongqing Municipal Committee and Chongqing Municipal People's Government"
    )
    assert len(texts_zh) == len(texts_en)
    assert [text for text in texts_zh if text.isascii()] == []  # Chinese words or punctuation
    assert "Press conference on the guideline, 2021-01-15 (A)" in texts_en
    assert "《意见》新闻发布会，2021-01-15（A）" in texts_zh
