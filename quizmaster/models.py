"""Pydantic models: facts as written in a facts file, and the questions generated from them."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from quizmaster.boundary_checks import clean_text, has_controls

FACT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SOURCE_DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SpanType(str, Enum):
    """What kind of thing a key span names; drives question wording and distractors."""

    PERSON = "person"
    ROLE = "role"
    PLACE = "place"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    DATE = "date"
    NUMBER = "number"
    ORDINAL = "ordinal"
    MONEY = "money"
    TERM = "term"
    EVENT = "event"


def _dirty(value: object) -> bool:
    return type(value) is str and not value.isprintable() and has_controls(value)


def _clean(data: Any) -> Any:
    """Text fields from outside (files, packages, the database) without control characters,
    so no deck can retitle or clear the terminal it is shown on. One pass over the model's
    input (strings and lists of strings; nested models clean their own); clean input, the
    usual case, is returned as it is after a C-level ``isprintable`` per string."""
    if type(data) is not dict:
        return data
    out = None
    for key, value in data.items():
        if type(value) is list:
            if not any(_dirty(v) for v in value):
                continue
            cleaned: Any = [clean_text(v) if type(v) is str else v for v in value]
        elif _dirty(value):
            cleaned = clean_text(value)
        else:
            continue
        out = dict(data) if out is None else out
        out[key] = cleaned
    return data if out is None else out


class _Strict(BaseModel):
    # Unknown keys are typos in a hand-edited file: reject them instead of silently dropping.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _clean_text(cls, data: Any) -> Any:
        return _clean(data)


class KeySpan(_Strict):
    """The words of a statement an examiner would ask about."""

    text: Annotated[str, Field(min_length=1)]
    type: SpanType
    distractors: list[str] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("span text is blank")
        return value


class Source(_Strict):
    """Where a fact comes from."""

    title: Annotated[str, Field(min_length=1)]
    date: str | None = None
    url: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str) and not SOURCE_DATE_PATTERN.match(value):
            raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return value


class Fact(_Strict):
    """One examinable fact: a statement and its key spans, with optional hand-written extras."""

    id: Annotated[str, Field(pattern=FACT_ID_PATTERN, max_length=120)]
    statement: Annotated[str, Field(min_length=1, max_length=2000)]
    spans: Annotated[list[KeySpan], Field(min_length=1)]
    topic: str = "General"
    tags: list[str] = Field(default_factory=list)
    source: Source | None = None
    question: str | None = None
    answer: str | None = None
    distractors: list[str] = Field(default_factory=list)
    explanation: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Fact:
        for span in self.spans:
            if span.text not in self.statement:
                raise ValueError(f"span {span.text!r} does not occur in the statement")
        if self.question and not self.answer:
            raise ValueError("field 'answer' is required when 'question' is given")
        if self.answer and not self.question:
            raise ValueError("field 'question' is required when 'answer' is given")
        return self


class FactsFile(_Strict):
    """A facts YAML file: one deck of facts sharing a default source."""

    deck: Annotated[str, Field(min_length=1, max_length=200)]
    source: Source | None = None
    facts: Annotated[list[Fact], Field(min_length=1)]

    def resolved_facts(self) -> list[Fact]:
        """The facts, each carrying the file's source when it has none of its own."""
        if self.source is None:
            return list(self.facts)
        return [f if f.source else f.model_copy(update={"source": self.source}) for f in self.facts]


# --- questions ---------------------------------------------------------------------------

QuestionKind = Literal["short_answer", "cloze", "mcq", "true_false", "statements", "match"]
QUESTION_KINDS: tuple[str, ...] = get_args(QuestionKind)


def question_id(fact_id: str, kind: str, variant: str) -> str:
    """The stable identity of a question: the same fact, kind and variant give the same id."""
    return f"{fact_id}:{kind}:{variant}"


class _QuestionBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    fact_id: str
    variant: str
    prompt: str
    answer: str
    explanation: str = ""
    topic: str = "General"
    tags: list[str] = Field(default_factory=list)
    # Typed answers that also count as right (abbreviations, other spellings).
    accepted: list[str] = Field(default_factory=list)

    @property
    def options(self) -> list[str] | None:
        return None

    @model_validator(mode="after")
    def _answerable(self) -> Any:
        """Text without control characters, and the invariants the generator guarantees,
        enforced on everything read from outside: a prompt and an answer that are not blank;
        options (when the kind has them) are 2-8 distinct non-blank texts, one of them the
        answer. (After validation, not before: a before-validator costs the JSON fast path,
        and clean text, the usual case, costs one ``isprintable`` per string here.)"""
        fields = self.__dict__
        strings, lists = _text_fields(type(self))
        # One C-level check over all the text for the usual, clean question.
        if not (
            "".join([fields[n] for n in strings]).isprintable()
            and all("".join(fields[n]).isprintable() for n in lists)
        ):
            for name in strings:
                fields[name] = clean_text(fields[name])
            for name in lists:
                fields[name] = [clean_text(v) for v in fields[name]]
        for name, value in (("prompt", self.prompt), ("answer", self.answer)):
            if not value.strip():
                raise ValueError(f"{name} must not be blank")
            if len(value) > MAX_QUESTION_CHARS:
                raise ValueError(f"{name} must be at most {MAX_QUESTION_CHARS} characters")
        options = self.options
        if options is None:
            return self
        if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
            kind = getattr(self, "kind", "")
            raise ValueError(
                f"a {kind} question needs {MIN_OPTIONS} to {MAX_OPTIONS} options, "
                f"not {len(options)}"
            )
        if any(not o.strip() or len(o) > MAX_QUESTION_CHARS for o in options):
            raise ValueError("an option is blank or too long")
        if len(set(options)) != len(options):
            raise ValueError("two options are the same")
        if self.answer not in options:
            raise ValueError("the answer is not one of the options")
        return self


_TEXT_FIELDS: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _text_fields(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The model's ``str`` fields and ``list[str]`` fields, computed once per class."""
    found = _TEXT_FIELDS.get(model)
    if found is None:
        fields = model.model_fields.items()
        found = (
            tuple(n for n, f in fields if f.annotation is str),
            tuple(n for n, f in fields if f.annotation == list[str]),
        )
        _TEXT_FIELDS[model] = found
    return found


# A question has at most as many options as there are keys to pick them (a-h).
MIN_OPTIONS = 2
MAX_OPTIONS = 8
MAX_QUESTION_CHARS = 20_000


class ShortAnswerQuestion(_QuestionBase):
    """A one-line wh-question answered by typing a key span."""

    kind: Literal["short_answer"] = "short_answer"


class ClozeQuestion(_QuestionBase):
    """The statement with one key span blanked out."""

    kind: Literal["cloze"] = "cloze"


class McqQuestion(_QuestionBase):
    """Four options, exactly one of them ``answer``."""

    kind: Literal["mcq"] = "mcq"
    choices: list[str]

    @property
    def options(self) -> list[str] | None:
        return list(self.choices)


class TrueFalseQuestion(_QuestionBase):
    """A statement to judge; ``answer`` is "True" or "False"."""

    kind: Literal["true_false"] = "true_false"

    @property
    def options(self) -> list[str] | None:
        return ["True", "False"]


class StatementsQuestion(_QuestionBase):
    """The UPSC form: several numbered statements, then options about which are correct.

    ``prompt`` holds the whole question as text (lead line, numbered statements, closing
    question), so a consumer that knows only prompt and options still shows all of it.
    ``fact_id`` is the first of ``fact_ids``, the facts the statements come from."""

    kind: Literal["statements"] = "statements"
    statements: list[str]
    choices: list[str]
    fact_ids: list[str] = Field(default_factory=list)

    @property
    def options(self) -> list[str] | None:
        return list(self.choices)


class MatchQuestion(_QuestionBase):
    """Match-the-pairs: List I is ``left`` (A, B, C ...), List II is ``right`` (1, 2, 3 ...);
    the options are codes such as "A-2, B-1, C-3". ``prompt`` holds the whole question as
    text, both lists included."""

    kind: Literal["match"] = "match"
    left: list[str]
    right: list[str]
    choices: list[str]
    fact_ids: list[str] = Field(default_factory=list)

    @property
    def options(self) -> list[str] | None:
        return list(self.choices)


Question = Annotated[
    ShortAnswerQuestion
    | ClozeQuestion
    | McqQuestion
    | TrueFalseQuestion
    | StatementsQuestion
    | MatchQuestion,
    Field(discriminator="kind"),
]
