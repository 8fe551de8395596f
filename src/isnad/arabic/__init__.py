"""The Arabic text layer: normalisation with offsets, tokens, clitics and stems, function words,
sentences and clauses, numbers. Everything Arabic-specific in isnad lives in this package."""

from isnad.arabic.morphology import (
    conjunction_forms,
    has_conjunction,
    has_glued_preposition,
    is_definite,
    is_indefinite_accusative,
    is_pronoun_complement,
    particle_forms,
    particle_length,
    split_clitics,
    stem,
    stems,
    strip_definite,
    strip_particles,
)
from isnad.arabic.names import COMMON_WORD_NAMES, entity_key, is_never_entity
from isnad.arabic.normalize import NormalizedText, normalize, normalize_with_offsets
from isnad.arabic.numbers import NumberExpr, find_numbers, is_magnitude_hedge, parse_number
from isnad.arabic.sentences import clauses, split_sentences
from isnad.arabic.stopwords import STOPWORDS, is_stopword
from isnad.arabic.tokens import Token, TokenKind, TokenTable, token_table, tokenize, words

__all__ = [
    "COMMON_WORD_NAMES",
    "STOPWORDS",
    "NormalizedText",
    "NumberExpr",
    "Token",
    "TokenKind",
    "TokenTable",
    "clauses",
    "conjunction_forms",
    "entity_key",
    "find_numbers",
    "has_conjunction",
    "has_glued_preposition",
    "is_definite",
    "is_indefinite_accusative",
    "is_magnitude_hedge",
    "is_never_entity",
    "is_pronoun_complement",
    "is_stopword",
    "normalize",
    "normalize_with_offsets",
    "parse_number",
    "particle_forms",
    "particle_length",
    "split_clitics",
    "split_sentences",
    "stem",
    "stems",
    "strip_definite",
    "strip_particles",
    "token_table",
    "tokenize",
    "words",
]
