"""The Doc: one tokenisation per article, the same tokens every stage used to make for itself."""

from __future__ import annotations

import pickle

from isnad.arabic import find_numbers, tokenize
from isnad.arabic.formulas import formula_key
from isnad.article.doc import Doc
from isnad.model import Article


def test_sentence_tokens_are_those_of_tokenising_each_sentence(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        doc = Doc(article)
        expected = [tokenize(article.text, start, end) for start, end in article.sentences]
        assert doc.sentence_tokens == expected


def test_numbers_read_from_the_doc_are_those_read_from_the_text(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        doc = Doc(article)
        assert find_numbers(article.text, tokens=doc.all_tokens) == find_numbers(article.text)
        for (start, end), tokens in zip(article.sentences, doc.sentence_tokens, strict=True):
            assert find_numbers(article.text, start, end, tokens=tokens) == find_numbers(
                article.text, start, end
            )


def test_a_range_that_cuts_a_token_is_tokenised_alone() -> None:
    article = Article(id="a", source_path="-", text="قال 1,700 مقاتل")
    doc = Doc(article)
    assert doc.tokens_between(0, 7) == tokenize(article.text, 0, 7)  # ends inside 1,700
    assert doc.tokens_between(6, 15) == tokenize(article.text, 6, 15)  # starts inside it


def test_a_doc_pickles_as_arrays_and_forms(seed_articles: dict[str, Article]) -> None:
    doc = Doc(seed_articles["000"])
    doc.sentence_tokens  # noqa: B018 - a derived view, made before pickling, must not travel
    state = doc.__getstate__()
    assert set(state) == {"article", "starts", "ends", "kinds", "norms", "terms"}
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.all_tokens == doc.all_tokens
    assert copy.sentence_tokens == doc.sentence_tokens
    assert copy.content_terms() == doc.content_terms()


def test_sentence_terms_hold_the_content_terms_of_each_sentence(seed_articles: dict[str, Article]) -> None:
    article = seed_articles["001"]
    doc = Doc(article)
    for (start, end), terms in zip(article.sentences, doc.sentence_terms(), strict=True):
        inside = [
            t for token, t in zip(doc.tokens, doc.terms, strict=True) if start <= token.start < end and t
        ]
        assert terms == inside


def test_a_doc_held_for_alignment_gives_the_spans_forms_and_dates_of_its_tokens(
    seed_articles: dict[str, Article],
) -> None:
    for article in seed_articles.values():
        doc = Doc(article)
        tokens, terms = list(doc.tokens), doc.content_terms()
        doc.for_alignment()
        assert doc.article.text == ""
        assert not doc.article.blocks
        assert not doc.article.sentences
        stamp = (doc.article.id, doc.article.outlet, doc.article.published, doc.article.dateline)
        assert stamp == (article.id, article.outlet, article.published, article.dateline)
        assert "all_tokens" not in doc.__dict__
        assert "tokens" not in doc.__dict__
        assert [doc.word_span(i) for i in range(len(tokens))] == [(t.start, t.end) for t in tokens]
        assert doc.word_norms() == [t.norm for t in tokens]
        assert doc.word_keys() == [formula_key(t) for t in tokens]
        assert doc.word_starts() == [t.start for t in tokens]
        assert doc.content_terms() == terms
        assert "all_tokens" not in doc.__dict__  # none of these made the Token records again


def test_a_doc_read_back_from_its_layer_is_the_doc_of_its_text(seed_articles: dict[str, Article]) -> None:
    # Edge cases of the joined forms: no token, only punctuation, one stopword (an empty term).
    edges = [Article(f"edge{n}", text, "/edge.txt") for n, text in enumerate(["", "، .", "في", "و ، في 12"])]
    for article in [*seed_articles.values(), *edges]:
        made = Doc(article)
        read = Doc.from_layer(article, made.layer())
        assert read.starts.tolist() == made.starts.tolist()
        assert read.starts.dtype == made.starts.dtype
        assert read.ends.tolist() == made.ends.tolist()
        assert read.kinds.tolist() == made.kinds.tolist()
        assert (read.norms, read.terms) == (made.norms, made.terms)
        assert read.all_tokens == made.all_tokens
        assert read.sentence_tokens == made.sentence_tokens


def test_words_where_are_the_word_tokens_whose_form_is_kept(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        doc = Doc(article)
        long_words = [(t.start, t.end) for t in doc.tokens if t.kind == "word" and len(t.norm) > 6]
        assert doc.words_where(lambda norm: len(norm) > 6) == long_words
        # Numbers are tokens of their own kind, never words, whatever their form.
        assert any(t.kind == "number" for t in doc.tokens)
        assert doc.words_where(str.isdigit) == []
