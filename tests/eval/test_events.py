"""The events evaluation: span matching, event selection, and a run on gold it never saw."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newsevents.eval import EvalReport
from newsevents.eval.events import evaluate, mean_report, span_match
from newsevents.extract.events.training import folds
from newsevents.settings import Settings

pytestmark = pytest.mark.issue(4)

GOLD = [
    {
        "id": "w1",
        "text": "Police arrested 40 protesters in Nairobi on Monday.",
        "events": [
            {
                "label": "COERCE",
                "label_candidates": ["COERCE"],
                "cameo_root": "17",
                "source": {"start": 0, "end": 6, "text": "Police"},
                "target": {"start": 19, "end": 29, "text": "protesters"},
            }
        ],
        "meta": {},
    },
    {
        "id": "w2",
        "text": "Russian President Vladimir Putin met Indian Prime Minister Narendra Modi.",
        "events": [
            {
                "label": "CONSULT",
                "label_candidates": ["CONSULT"],
                "cameo_root": "04",
                "source": {"start": 18, "end": 32, "text": "Vladimir Putin"},
                "target": {"start": 59, "end": 72, "text": "Narendra Modi"},
            }
        ],
        "meta": {},
    },
    {"id": "w3", "text": "The weather was mild in March.", "events": [], "meta": {}},
]


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "wire.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


@pytest.mark.slow
def test_unseen_gold_is_scored_with_the_shipped_model(gold_file: Path) -> None:
    report = evaluate(gold_file, settings=Settings.from_env({}))
    assert report.n == 3
    assert report.details["cross_validated"] is False
    assert report.metrics["type_accuracy"] == 1.0
    assert report.metrics["source_f1"] == 1.0 and report.metrics["target_f1"] == 1.0
    assert report.metrics["cameo_root_accuracy"] == 1.0
    assert report.details["spurious_sentences"] == 0
    assert report.metrics["no_event_accuracy"] == 1.0
    assert report.details["confusion"] == {"COERCE": {"COERCE": 1}, "CONSULT": {"CONSULT": 1}}
    # The parse baseline needs no training; the bag of words has no training files beside it.
    assert "baseline_root_subject_object" in report.breakdown
    assert "baseline_bag_of_words" not in report.breakdown


@pytest.mark.slow
def test_an_event_asserted_where_the_gold_has_none_counts_against_the_coder(
    tmp_path: Path,
) -> None:
    unmarked = dict(GOLD[0], id="w4", events=[])  # an arrest the gold says is no event
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in (GOLD[1], GOLD[2], unmarked)), encoding="utf-8"
    )
    report = evaluate(path, settings=Settings.from_env({}))
    assert report.metrics["no_event_accuracy"] == 0.5
    assert report.details["sentences_without_gold_events"] == 2
    assert report.details["sentences_without_gold_events_asserting_one"] == 1


def test_abbreviated_parties_are_content_words() -> None:
    from newsevents.parse.nlp import load

    nlp = load(Settings.from_env({}).model)
    text = "The US and the U.N. condemned the attack, and so did we."
    doc = nlp(text)

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    us, un, we = at("US"), at("U.N."), at("we")
    gold = {"start": us[0], "end": us[1]}
    assert span_match(doc, at("The US"), gold) == (True, True)
    gold = {"start": un[0], "end": un[1]}
    assert span_match(doc, at("the U.N."), gold) == (True, True)
    # A stop word in lower case is still no content: "we" matches nothing, not even itself.
    assert span_match(doc, we, {"start": we[0], "end": we[1]}) == (False, False)


def test_gold_without_events_is_refused(tmp_path: Path) -> None:
    from newsevents.errors import NewsEventsError

    path = tmp_path / "none.jsonl"
    path.write_text(json.dumps(GOLD[2]) + "\n", encoding="utf-8")
    with pytest.raises(NewsEventsError, match="NE701"):
        evaluate(path, settings=Settings.from_env({}))


def test_a_wire_dateline_is_read_as_the_cleaner_does() -> None:
    from newsevents.eval.gold import gold_document

    text = "ISLAMABAD -- Pakistan's prime minister rejected the British request."
    document = gold_document({"id": "d1", "text": text})
    assert document.dateline is not None
    assert document.body[document.dateline.end :].lstrip().startswith("Pakistan")
    # A sentence opening with a name is no dateline.
    plain = gold_document({"id": "d2", "text": GOLD[0]["text"]})
    assert plain.dateline is None


def test_several_fold_seeds_report_their_mean_and_each_seed() -> None:
    def run(seed_f1: float) -> EvalReport:
        return EvalReport(
            task="events",
            data="x.jsonl",
            n=10,
            metrics={"type_macro_f1": seed_f1, "type_accuracy": 0.5, "coverage": 1.0},
            breakdown={"type_f1_per_label": {"ASSAULT": seed_f1}},
            details={"gold_events_scored": 10},
        )

    report = mean_report([run(0.6), run(0.7)], (13, 14))
    assert report.metrics == {"type_macro_f1": 0.65, "type_accuracy": 0.5, "coverage": 1.0}
    assert report.breakdown["fold_seeds"] == {
        "seed 13 type_macro_f1": 0.6,
        "seed 13 type_accuracy": 0.5,
        "seed 14 type_macro_f1": 0.7,
        "seed 14 type_accuracy": 0.5,
    }
    # The first seed's breakdown stands for all, and says so.
    assert report.breakdown["type_f1_per_label"] == {"ASSAULT": 0.6}
    assert report.details["fold_seeds"] == [13, 14]
    assert report.details["breakdown_and_details_of_seed"] == 13
    assert mean_report([run(0.6)], (15,)).details["fold_seed"] == 15


def test_fold_seeds_shuffle_records_into_other_folds() -> None:
    ids = [f"r{n}" for n in range(50)]
    assert folds(ids, seed=13) == folds(ids)
    assert folds(ids, seed=14) != folds(ids, seed=13)
    assert sorted(Counter(folds(ids, seed=14).values()).values()) == [10] * 5
