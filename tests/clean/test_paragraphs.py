import pytest

from newsevents.clean.paragraphs import normalize, split_paragraphs

pytestmark = pytest.mark.issue(2)


def test_indented_paragraphs_are_dedented() -> None:
    text = "First paragraph.\n\n    Second, indented.\n\n    Third."
    assert split_paragraphs(normalize(text)) == ["First paragraph.", "Second, indented.", "Third."]


def test_caption_lines_stay_apart() -> None:
    block = (
        "Putin, left, speaks with Modi\nPutin, left, speaks with Modi during a meeting. (AP Photo)"
    )
    assert len(split_paragraphs(block)) == 2


def test_hard_wrapped_text_is_joined() -> None:
    block = (
        "The minister said on Monday that the government would not change its\n"
        "position on the border dispute, despite pressure from opposition parties\n"
        "and from several neighbouring countries that had called for talks.\n"
        "Officials declined to comment."
    )
    assert len(split_paragraphs(block)) == 1


def test_windows_newlines_and_invisible_characters() -> None:
    text = "Title\r\n\r\nBody\u200b text\u00a0here.\r\n"
    assert split_paragraphs(normalize(text)) == ["Title", "Body text here."]
