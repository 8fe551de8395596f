"""How boilerplate text is compared: the key of each token, so that one formula matches itself.

Stock formulas come back with different figures (datelines carry the day's Hijri and Gregorian
dates, SMS footers each columnist's code) and in different spellings (hamza, taa marbuta,
diacritics), so a token's key is its normalised form with every number one symbol. Words glued
to a clitic stay as written: the formula's wording is what recurs.
"""

from __future__ import annotations

from isnad.arabic.tokens import Token, TokenKind, token_forms

NUMBER = "#"


def formula_key(token: Token) -> str:
    """The token as boilerplate is counted: normalised, any number one symbol, Latin lowercased."""
    return form_key(token.norm, token.kind)


def formula_keys(text: str) -> list[str]:
    """The key of each token of ``text``, punctuation dropped (`formula_key` of its `tokenize`
    tokens, without making them)."""
    return [form_key(norm, kind) for norm, kind in token_forms(text) if kind != "punct"]


def form_key(norm: str, kind: TokenKind) -> str:
    """`formula_key` of a token's normalised form and kind."""
    if kind == "number":
        return NUMBER
    if kind == "latin":
        return norm.lower()
    return norm
