"""Running ``quizmaster ingest``: the article read, the facts reviewed at the terminal when
asked for, then previewed (a dry run) or saved and loaded, each step drawn as it happens. The
steps themselves are the core's (``quizmaster.ingest``); this module strings them together
between the environment's streams, the store and the renderer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmaster import render
from quizmaster.invocation import open_store

if TYPE_CHECKING:
    from quizmaster.environment import Environment
    from quizmaster.ingest import IngestPlan
    from quizmaster.invocation import Invocation
    from quizmaster.models import Fact


@dataclass(frozen=True)
class IngestRequest:
    """An ingest's options as the command line gave them."""

    source: str
    deck: str | None = None
    out: Path | None = None
    review: bool = False
    yes: bool = False
    dry_run: bool = False
    regenerate: bool = False
    timeout: float = 15.0
    date: str | None = None
    as_json: bool = False


def run_ingest(request: IngestRequest, invocation: Invocation) -> None:
    """Ingest the article ``request`` names into the database of ``invocation``."""
    from quizmaster.boundary_checks import check_name, check_number
    from quizmaster.ingest import choose_mode, decks_folder, parse_article_date, plan_ingest
    from quizmaster.sources import read_source

    env = invocation.env
    check_number(request.timeout, "--timeout", low=0.1, high=3600)
    check_name(request.deck, "--deck")
    # The article first: a missing or wrong file is the error to show, before any mode.
    article = read_source(request.source, stdin=env.stdin.buffer, timeout=request.timeout)
    mode = choose_mode(
        review=request.review,
        yes=request.yes,
        dry_run=request.dry_run,
        as_json=request.as_json,
        source=request.source,
        stdin_tty=env.stdin_is_terminal,
    )
    if request.date is not None:
        article = replace(article, date=parse_article_date(request.date))
    if article.encoding not in ("utf-8", "utf-16"):
        render.info(f"Note: {article.source} is not UTF-8; read it as {article.encoding}.")
    db_path = invocation.db_path
    plan = plan_ingest(
        article,
        data_dir=db_path.parent,
        deck=request.deck,
        out=request.out,
        folder=decks_folder(db_path),
    )
    prior_deck: str | None = None
    prior_facts: list[Fact] = []
    if db_path.exists():
        with open_store(env, db_path, builtin=False) as store:
            prior_deck, prior_facts, _ = store.article_facts(plan.extraction.article_slug)
    if prior_facts and not request.regenerate:
        _ingest_again(request, env, db_path, plan, prior_deck or plan.deck, prior_facts)
        return
    if prior_deck and request.deck is None:
        plan = replace(plan, deck=prior_deck)  # regenerating keeps the deck it is in
    if plan.extraction.date is None and not request.as_json:
        render.info(
            "Note: the article gives no date; pass --date YYYY-MM-DD so statements of "
            "changing facts say when they were true."
        )
    facts = plan.facts
    if mode == "review":
        plan, facts = _review(request, env, plan)
    _preview_or_save(request, env, db_path, plan, facts, prior_facts, reviewed=mode == "review")


def _review(
    request: IngestRequest, env: Environment, plan: IngestPlan
) -> tuple[IngestPlan, list[Fact]]:
    """Each fact accepted, edited or dropped at the prompt; the deck named at the end."""
    from quizmaster.ingest import ask_deck_name, question_preview, review_facts, why_no_question
    from quizmaster.prompt import read_answer

    def ask(message: str) -> str:
        return read_answer(env.stdin, message)

    facts = review_facts(
        plan.facts,
        ask=ask,
        show=render.review_fact,
        tell=render.info,
        preview=lambda fact: render.review_questions(
            shown := question_preview(fact), "" if shown else why_no_question(fact)
        ),
    )
    if facts and request.deck is None:
        plan = replace(plan, deck=ask_deck_name(plan.deck, ask))
    return plan, facts


def _preview_or_save(
    request: IngestRequest,
    env: Environment,
    db_path: Path,
    plan: IngestPlan,
    facts: list[Fact],
    prior_facts: list[Fact],
    *,
    reviewed: bool,
) -> None:
    """A dry run's facts file and counts; else the facts saved, loaded and reported (on a
    regenerated article, the facts no longer extracted or kept are retired)."""
    from quizmaster.facts_file import dump_facts
    from quizmaster.generate import generate_questions
    from quizmaster.ingest import save_and_load

    count = len(generate_questions(facts))
    result: dict[str, Any] = {
        "deck": plan.deck,
        "file": str(plan.out_path),
        "source": plan.article.source,
        "questions": count,
        "facts": [f.model_dump(mode="json") for f in facts],
    }
    if request.dry_run:
        if request.as_json:
            render.json_out({**result, "dry_run": True})
        else:
            render.ingest_preview(
                dump_facts(plan.deck, facts),
                f"Would save {len(facts)} facts "
                f"({count} question{'' if count == 1 else 's'}) to {plan.out_path} and load "
                f"them into "
                f"deck {plan.deck!r}. Nothing was written.",
            )
        return
    with open_store(env, db_path, builtin=False) as store:
        report = save_and_load(store, plan, facts, now=env.now())
        if prior_facts:
            kept = {f.id for f in facts}
            gone = [f.id for f in prior_facts if f.id not in kept]
            store.retire_facts(gone, now=env.now())
            report.facts_retired.extend(gone)
    if request.as_json:
        render.json_out({**result, "dry_run": False, "report": asdict(report)})
    else:
        render.ingest_report(report, str(plan.out_path))
        if count == 0 and not reviewed:
            render.info(
                "No question passed the quality gate: the article's sentences are background "
                "or need the article. `quizmaster ingest FILE --review` shows why, fact by fact."
            )


def _ingest_again(
    request: IngestRequest,
    env: Environment,
    db_path: Path,
    plan: IngestPlan,
    prior_deck: str,
    prior_facts: list[Fact],
) -> None:
    """An article ingested before: its facts stay as the review left them (edits and drops
    kept, the saved file untouched); ``--deck`` moves them, history and all."""
    from quizmaster.generate import generate_questions
    from quizmaster.ingest import rename_in_facts_files

    target = " ".join(request.deck.split()) if request.deck else prior_deck
    moving = target != prior_deck
    summary: dict[str, Any] = {
        "deck": target,
        "previous_deck": prior_deck,
        "facts": len(prior_facts),
        "unchanged": not moving,
        "dry_run": request.dry_run,
    }
    if moving and not request.dry_run:
        with open_store(env, db_path, builtin=False) as store:
            report = store.load_deck(
                target,
                prior_facts,
                generate_questions(prior_facts),
                now=env.now(),
                source_name=plan.article.source,
                retire_missing=False,
                adopt=True,
            )
        summary["report"] = asdict(report)
        out_path = plan.out_path
        rename_in_facts_files(out_path.parent, prior_deck, target, only=out_path)
    if request.as_json:
        render.json_out(summary)
        return
    kept = f"its {len(prior_facts)} facts as your review left them (edits and drops kept)"
    if moving:
        render.info(
            f"This article was ingested before into deck {prior_deck!r}; "
            f"{'would move' if request.dry_run else 'moved'} {kept} to deck {target!r}, "
            "with their history."
        )
    else:
        render.info(
            f"This article is already in deck {prior_deck!r}, with {kept}; nothing changed. "
            "To extract it again (replacing your edits and drops): --regenerate."
        )
