"""No English leftovers: every text the four tabs and the menus show is French."""

from __future__ import annotations

from tests.ui.french_words import english_in, visible_texts


def test_no_english_word_in_the_interface(window) -> None:
    for index in range(4):
        window.ui.tabs.setCurrentIndex(index)
    texts = visible_texts(window)
    assert len(texts) > 80
    assert english_in(texts) == set()
