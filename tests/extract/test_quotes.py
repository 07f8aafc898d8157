"""Quote attribution on the bundled sample and on wire-style paragraphs written for these tests,
one per case of issue 5, with negatives; the real model throughout."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.extract.quote_marks import find_quotations
from newsevents.pipeline import extract_text
from newsevents.settings import Settings
from newsevents.types import ArticleRecord, Quote

from ..conftest import assert_valid_record

pytestmark = pytest.mark.issue(5)


def quote_with(record: ArticleRecord, words: str) -> Quote:
    found = [q for q in record.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in record.quotes]
    return found[0]


def speaker_of(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def actor_id(record: ArticleRecord, name: str) -> str:
    (actor,) = [a for a in record.actors if a.name == name]
    return actor.id


def quotes_of(text: str, settings: Settings) -> ArticleRecord:
    return extract_text(text, date="2024-07-08", settings=settings)


# --- the sample: AP, Modi visits Putin, 8 July 2024 ---------------------------------------


def test_sample_direct_quote_with_pronoun_speaker(sample_record: ArticleRecord) -> None:
    quote = quote_with(sample_record, "Stronger ties between our nations")
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "wrote"
    assert quote.speaker is not None
    body = sample_record.document.body
    # The mention the cue attaches to is "he"; the name is who "he" is.
    assert body[quote.speaker.start : quote.speaker.end] == "he"
    assert quote.speaker.name == "Narendra Modi"
    assert quote.speaker.actor_id == actor_id(sample_record, "Narendra Modi")


def test_sample_speaker_before_and_after_the_cue(sample_record: ArticleRecord) -> None:
    before = quote_with(sample_record, "This is evident in India")
    assert (before.kind, speaker_of(before)) == ("direct", "Chietigj Bajpaee")
    after = quote_with(sample_record, "We kind of see Putin going on a nostalgia trip")
    assert (after.kind, speaker_of(after)) == ("direct", "Theresa Fallon")
    assert after.cue is not None and after.cue.text == "said"


def test_sample_he_said_and_verbless_continuations(sample_record: ArticleRecord) -> None:
    said = quote_with(sample_record, "We’ve seen some delay")
    assert speaker_of(said) == "Chietigj Bajpaee"
    body = sample_record.document.body
    assert said.speaker is not None
    assert body[said.speaker.start : said.speaker.end] == "he"
    # Quotations with no verb of their own continue the speaker quoted just before.
    continued = quote_with(sample_record, "I believe both countries are due")
    assert speaker_of(continued) == "Chietigj Bajpaee"
    assert continued.cue == said.cue
    fallon = quote_with(sample_record, "In my view, he’s trying to demonstrate")
    assert speaker_of(fallon) == "Theresa Fallon"


def test_sample_addressee_and_indirect_speech(sample_record: ArticleRecord) -> None:
    verma = quote_with(sample_record, "a matter of some concern for India")
    assert speaker_of(verma) == "D. Bala Venkatesh Verma"
    assert verma.addressee is not None and verma.addressee.text == "The Associated Press"
    indirect = quote_with(sample_record, "India is increasingly estranged from forums")
    assert (indirect.kind, speaker_of(indirect)) == ("indirect", "Chietigj Bajpaee")
    kwatra = quote_with(sample_record, "India-Russia trade has seen a sharp increase")
    assert speaker_of(kwatra) == "Vinay Mohan Kwatra"
    assert kwatra.addressee is not None and kwatra.addressee.text == "reporters"


def test_sample_partial_quotes_and_medium(sample_record: ArticleRecord) -> None:
    partial = quote_with(sample_record, "go a long way in further cementing")
    assert (partial.kind, speaker_of(partial)) == ("partial", "Narendra Modi")
    saying = quote_with(sample_record, "looking forward to further deepening")
    assert saying.kind == "partial"
    assert saying.medium is not None and saying.medium.text.endswith("platform X")
    gabuev = quote_with(sample_record, "is far from isolated")
    assert (gabuev.kind, speaker_of(gabuev)) == ("partial", "Alexander Gabuev")


def test_sample_according_to(sample_record: ArticleRecord) -> None:
    quote = quote_with(sample_record, "more than 40% of its oil imports")
    assert quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text == "according to"
    assert speaker_of(quote) == "analysts"


def test_sample_everything_modi_said_is_linked(sample_record: ArticleRecord) -> None:
    modi = actor_id(sample_record, "Narendra Modi")
    said = [q.text for q in sample_record.quotes if q.speaker and q.speaker.actor_id == modi]
    assert any("Stronger ties" in text for text in said)
    assert any("looking forward to Tuesday's talks" in text for text in said)


def test_sample_quotes_are_ordered_and_valid(
    sample_record: ArticleRecord, sample_dict: Any
) -> None:
    starts = [q.start for q in sample_record.quotes]
    assert starts == sorted(starts)
    body = sample_record.document.body
    for quote in sample_record.quotes:
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start < quote.speaker.end <= len(body)
    assert_valid_record(sample_dict)


# --- one paragraph per case -----------------------------------------------------------------


def test_institution_speaks(settings: Settings) -> None:
    record = quotes_of(
        "MOSCOW — The Kremlin said on Tuesday that the talks with India had been productive.",
        settings,
    )
    quote = quote_with(record, "the talks with India had been productive")
    assert (quote.kind, speaker_of(quote)) == ("indirect", "Kremlin")


def test_multi_paragraph_quote_closed_only_at_the_end(settings: Settings) -> None:
    text = (
        "The minister spoke at length on Monday.\n\n"
        "“We will not be pushed around by anyone, and we will defend our borders,” "
        "Defence Minister Rajnath Singh said.\n\n"
        "“Our soldiers are ready for any challenge.\n\n"
        "“We want peace, but not at the cost of our honour.”\n\n"
        "The opposition criticised the speech."
    )
    record = quotes_of(text, settings)
    first = quote_with(record, "Our soldiers are ready")
    last = quote_with(record, "We want peace")
    assert speaker_of(first) == speaker_of(last) == "Rajnath Singh"
    assert first.kind == last.kind == "direct"
    assert not [q for q in record.quotes if "opposition criticised" in q.text]


def test_straight_quotes_and_speaker_after_the_verb(settings: Settings) -> None:
    record = quotes_of(
        '"The ceasefire is holding in most districts," said Maria Lopez, a spokeswoman '
        "for the United Nations.",
        settings,
    )
    quote = quote_with(record, "The ceasefire is holding")
    assert (quote.kind, speaker_of(quote)) == ("direct", "Maria Lopez")


def test_statement_is_a_medium(settings: Settings) -> None:
    record = quotes_of(
        "The Foreign Ministry said in a statement that the ambassador had been summoned.",
        settings,
    )
    quote = quote_with(record, "the ambassador had been summoned")
    assert quote.medium is not None and quote.medium.text == "in a statement"


def test_quotation_marks_pair_across_paragraphs() -> None:
    text = '“First part,\n\n“second part.” Then “a phrase” and "straight one."'
    paragraphs = ((0, 12), (14, len(text)))
    found = find_quotations(text, paragraphs)
    assert [text[q.start : q.end] for q in found] == [
        "“First part,",
        "“second part.”",
        "“a phrase”",
        '"straight one."',
    ]
    assert found[0].group == found[1].group and not found[0].closed
    assert len({q.group for q in found}) == 3


def test_no_quotes_without_anyone_saying_anything(settings: Settings) -> None:
    record = quotes_of(
        "Heavy rain flooded the old city on Monday. The river rose two metres overnight and "
        "schools were closed.",
        settings,
    )
    assert record.quotes == ()


def test_a_scare_quote_is_no_one_s_quote(settings: Settings) -> None:
    record = quotes_of(
        "Troops crossed the border in February in what Moscow calls a “special military "
        "operation”. Fighting continued near the river.",
        settings,
    )
    assert not [q for q in record.quotes if q.kind == "direct"]
