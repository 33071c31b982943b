"""The daily quiz: ask, grade, schedule, commit, give feedback, sum up (what to ask comes
from ``study_queue``).

:class:`Quiz` is the engine (no terminal, no clock: ``now`` comes in with every call);
:func:`run` drives it with a :class:`SessionUI` (``quiz_io`` has a terminal one and a
plain one for piped input). Every answer is committed with its review log and new schedule
in one transaction before its feedback is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from quizmaster.errors import UsageError
from quizmaster.grade import InvalidChoice, Rating, Verdict, check, rate
from quizmaster.records import CardState, StoredQuestion
from quizmaster.reports import NothingDue, SessionSummary
from quizmaster.scheduler import (
    SchedulerSettings,
    became_leech,
    day_start,
    review,
    study_day,
)
from quizmaster.settings import QuizSettings, load_settings
from quizmaster.study_queue import Item, build_queue, study_day_start

if TYPE_CHECKING:
    from quizmaster.store import Store

# A question answered wrong comes back this many questions later, at most this many times.
REQUEUE_GAP = 4
MAX_ASKS = 3
COMMANDS = ("skip", "undo", "suspend", "quit", "again", "hard", "good", "easy", "help")


# --- the engine -------------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    """What the user is told after an answer (already committed)."""

    item: Item
    response: str
    verdict: Verdict
    rating: Rating
    card_after: CardState | None  # None in practice: the schedule is untouched
    now: dt.datetime
    leech: bool = False
    again_in_session: bool = False
    overridden: bool = False
    utc_offset_minutes: int = 0

    @property
    def next_in(self) -> str | None:
        """When the question comes back, in words; None in practice."""
        if self.card_after is None or self.card_after.due is None:
            return None
        if self.card_after.suspended:
            return "suspended (leech)"
        return describe_due(self.card_after.due, self.now, self.utc_offset_minutes)


@dataclass
class _Action:
    kind: str  # "answer", "suspend" or "skip"
    item: Item
    card_before: CardState
    reask: bool  # undo puts the question back in front of the queue
    review_id: int | None = None
    copy: Item | None = None  # the re-queued copy of a question answered wrong
    feedback: Feedback | None = None


@dataclass
class Tally:
    answered: int = 0
    correct: int = 0
    leeches: list[str] = field(default_factory=list)


class Quiz:
    """One session over a queue. Methods take ``now``; every write is committed before they
    return."""

    def __init__(
        self,
        store: Store,
        queue: Sequence[Item],
        *,
        scheduler: SchedulerSettings,
        practice: bool = False,
        session_id: int | None = None,
    ) -> None:
        self.store = store
        self.queue: list[Item] = list(queue)
        self.scheduler = scheduler
        self.practice = practice
        self.session_id = session_id
        self.tally = Tally()
        self._done: list[_Action] = []

    # queue --------------------------------------------------------------------------------

    def current(self) -> Item | None:
        return self.queue[0] if self.queue else None

    def progress(self) -> tuple[int, int]:
        """(number of the current question, questions in this session so far)."""
        shown = sum(action.reask for action in self._done)
        return shown + 1, shown + len(self.queue)

    def _requeue(self, item: Item, feedback: Feedback) -> Item | None:
        needs = not feedback.verdict.correct if self.practice else _in_learning(feedback)
        if not needs or item.asked >= MAX_ASKS:
            return None
        copy = Item(item.stored, feedback.card_after or item.card, asked=item.asked)
        self.queue.insert(min(REQUEUE_GAP, len(self.queue)), copy)
        return copy

    def _unqueue(self, copy: Item | None) -> None:
        if copy is not None and copy in self.queue:
            self.queue.remove(copy)

    # actions ------------------------------------------------------------------------------

    def answer(self, response: str, *, now: dt.datetime, duration_ms: int | None) -> Feedback:
        """Grade the current question, schedule it and commit the answer. Raises
        InvalidChoice (nothing stored) for an option that does not exist."""
        item = self.queue[0]
        question = item.stored.question
        wrong = (
            self.store.known_wrong_answers([question.fact_id]) if question.options is None else []
        )
        verdict = check(question, response, wrong=wrong)
        if not self.practice:
            # Another session on the same database may have answered it meanwhile.
            item.card = self.store.card(item.question_id)
        rating = rate(verdict, item.stored.question.kind, duration_ms)
        self.queue.pop(0)
        item.asked += 1
        feedback, review_id = self._commit(item, response, verdict, rating, now, duration_ms)
        action = _Action("answer", item, item.card, reask=True, review_id=review_id)
        action.feedback = feedback
        action.copy = self._requeue(item, feedback)
        self._done.append(action)
        self.tally.answered += 1
        self.tally.correct += int(verdict.correct)
        if feedback.leech:
            self.tally.leeches.append(item.question_id)
        return replace(feedback, again_in_session=action.copy is not None)

    def _commit(
        self,
        item: Item,
        response: str,
        verdict: Verdict,
        rating: Rating,
        now: dt.datetime,
        duration_ms: int | None,
    ) -> tuple[Feedback, int | None]:
        if self.practice:
            return Feedback(item, response, verdict, rating, None, now), None
        after = review(item.card, rating, now, self.scheduler)
        review_id = self.store.record_review(
            after,
            session_id=self.session_id,
            reviewed_at=now,
            rating=int(rating),
            correct=verdict.correct,
            response=response,
            duration_ms=duration_ms,
        )
        return (
            Feedback(
                item,
                response,
                verdict,
                rating,
                after,
                now,
                leech=became_leech(item.card, after),
                utc_offset_minutes=self.scheduler.utc_offset_minutes,
            ),
            review_id,
        )

    def override(self, rating: Rating) -> Feedback:
        """Change the rating of the last answer (the user knows better); re-schedules it."""
        if self.practice:
            raise UsageError("practice does not rate answers: the schedule is untouched")
        if not self._done or self._done[-1].kind != "answer":
            raise UsageError("nothing to re-rate: answer a question first")
        action = self._done[-1]
        old = action.feedback
        assert old is not None
        correct = rating != Rating.AGAIN
        verdict = replace(old.verdict, correct=correct)
        after: CardState | None = None
        if not self.practice:
            assert action.review_id is not None
            after = review(action.card_before, rating, old.now, self.scheduler)
            self.store.amend_review(action.review_id, after, rating=int(rating), correct=correct)
        self.tally.correct += int(correct) - int(old.verdict.correct)
        if old.leech:
            self.tally.leeches.remove(action.item.question_id)
        leech = after is not None and became_leech(action.card_before, after)
        if leech:
            self.tally.leeches.append(action.item.question_id)
        feedback = replace(
            old, verdict=verdict, rating=rating, card_after=after, leech=leech, overridden=True
        )
        self._unqueue(action.copy)
        action.copy = self._requeue(action.item, feedback)
        action.feedback = replace(feedback, again_in_session=action.copy is not None)
        return action.feedback

    def skip(self, *, now: dt.datetime | None = None) -> None:
        """Leave the current question for another day: with ``now`` (outside practice) it is
        buried until the next study day starts, its schedule otherwise untouched."""
        item = self.queue.pop(0)
        before = item.card
        if now is not None and not self.practice:
            before = self.store.card(item.question_id)
            tomorrow = study_day_start(now, self.scheduler.utc_offset_minutes) + dt.timedelta(
                days=1
            )
            self.store.save_card(replace(before, buried_until=tomorrow))
        self._done.append(_Action("skip", item, before, reask=True))

    def suspend(self, *, last: bool = False) -> StoredQuestion:
        """Suspend the current question, or with ``last`` the one just answered; it is not
        asked again until unsuspended (undo)."""
        if last:
            if not self._done or self._done[-1].kind != "answer":
                raise UsageError("nothing to suspend: answer a question first")
            item, reask = self._done[-1].item, False
            self._unqueue(self._done[-1].copy)
        else:
            item, reask = self.queue.pop(0), True
        before = self.store.card(item.question_id) if not self.practice else item.card
        self.store.save_card(replace(self.store.card(item.question_id), suspended=True))
        self._done.append(_Action("suspend", item, before, reask=reask))
        return item.stored

    def last_feedback(self) -> Feedback | None:
        """The feedback of the last answer, if the last action was an answer."""
        if self._done and self._done[-1].kind == "answer":
            return self._done[-1].feedback
        return None

    def undo(self) -> str | None:
        """Undo the last answer, skip or suspension; the question is asked again. Returns
        what was undone, or None when there is nothing to undo."""
        if not self._done:
            return None
        action = self._done.pop()
        if action.kind == "answer":
            if action.review_id is not None:
                try:
                    self.store.undo_review(action.review_id)
                except UsageError:  # another session answered it since: nothing changed
                    self._done.append(action)
                    raise
            self._unqueue(action.copy)
            feedback = action.feedback
            assert feedback is not None
            self.tally.answered -= 1
            self.tally.correct -= int(feedback.verdict.correct)
            if feedback.leech:
                self.tally.leeches.remove(action.item.question_id)
            action.item.asked -= 1
        elif action.kind == "suspend" or (action.kind == "skip" and not self.practice):
            self.store.save_card(action.card_before)
        if action.reask:
            action.item.card = action.card_before
            self.queue.insert(0, action.item)
        return action.kind


def _in_learning(feedback: Feedback) -> bool:
    after = feedback.card_after
    return (
        after is not None
        and after.due is not None
        and after.due - feedback.now < dt.timedelta(hours=1)
    )


# --- the loop ---------------------------------------------------------------------------


class SessionUI(Protocol):
    """What :func:`run` needs from a terminal (``quiz_io`` implements it)."""

    timed: bool

    def show_question(self, item: Item, position: int, total: int) -> None: ...

    def read_response(self, item: Item) -> str:
        """The answer typed, or a ``:command``. Raises EOFError / KeyboardInterrupt."""
        ...

    def show_feedback(self, feedback: Feedback) -> None: ...

    def read_after_feedback(self) -> str | None:
        """A key after the feedback ("" to go on, "1"-"4", "u", "s", "q"), or None when
        the UI does not wait (scripted input)."""
        ...

    def message(self, text: str, *, style: str = "") -> None: ...

    def confirm(self, question: str) -> bool:
        """A yes/no answer (y is yes). Raises EOFError / KeyboardInterrupt."""
        ...


QUIT_WORDS = ("q", "quit", "exit")


def parse_command(text: str) -> str | None:
    """The command a ``:word`` line names (any unique prefix), None if it names none."""
    word = text.strip().lstrip(":").strip().lower()
    if word == "?":
        return "help"
    matches = [c for c in COMMANDS if c.startswith(word)] if word else []
    return matches[0] if len(matches) == 1 else None


HELP = (
    "Type the answer and Enter (? if you don't know); for options press 1-4 or a-d, for "
    "true/false t or f. "
    "Commands: :skip  :undo  :suspend  :quit  (any unique prefix: :sk :u :su :q); "
    ":again :hard :good :easy re-rate the last answer. Ctrl-C or Ctrl-D also quit."
)


def run(
    quiz: Quiz,
    ui: SessionUI,
    *,
    clock: Callable[[], dt.datetime],
    timer: Callable[[], float],
) -> str:
    """Ask until the queue is empty or the user quits. Returns why it ended: "done",
    "quit", "eof" or "interrupt". Everything answered is already committed."""
    try:
        while (item := quiz.current()) is not None:
            position, total = quiz.progress()
            ui.show_question(item, position, total)
            started = timer()
            outcome = _ask(quiz, ui, item, clock=clock, timer=timer, started=started)
            if outcome == "quit":
                return "quit"
    except EOFError:
        return "eof"
    except KeyboardInterrupt:
        return "interrupt"
    return "done"


def _ask(
    quiz: Quiz,
    ui: SessionUI,
    item: Item,
    *,
    clock: Callable[[], dt.datetime],
    timer: Callable[[], float],
    started: float,
) -> str:
    """One question until it is answered, skipped, suspended, undone or the user quits."""
    while True:
        response = ui.read_response(item)
        if response.strip().lower() in QUIT_WORDS:
            # A bare "q" is a wish to stop far more often than an answer.
            if ui.confirm("Quit the session? Every answer so far is saved. (y/n)"):
                return "quit"
            ui.message("Go on: answer the question (:help for commands).", style="dim")
            continue
        if response.strip().startswith(":"):
            command = parse_command(response)
            result = _command(quiz, ui, command, response, clock=clock)
            if result is None:
                continue
            return result
        duration = int((timer() - started) * 1000) if ui.timed else None
        try:
            feedback = quiz.answer(response, now=clock(), duration_ms=duration)
        except InvalidChoice as exc:
            ui.message(str(exc), style="yellow")
            continue
        ui.show_feedback(feedback)
        return _after_feedback(quiz, ui)


def suspended_message(question_id: str) -> str:
    return (
        f"Suspended {question_id}; to bring it back: quizmaster questions unsuspend {question_id}"
    )


def _command(
    quiz: Quiz,
    ui: SessionUI,
    command: str | None,
    typed: str,
    *,
    clock: Callable[[], dt.datetime] | None = None,
) -> str | None:
    """Run a command typed at the question prompt; None means ask the same question again."""
    if command == "quit":
        return "quit"
    if command == "skip":
        quiz.skip(now=clock() if clock is not None else None)
        ui.message(
            "Skipped: left for this practice." if quiz.practice else "Skipped until tomorrow.",
            style="dim",
        )
        return "next"
    if command == "suspend":
        stored = quiz.suspend()
        ui.message(suspended_message(stored.question.id), style="yellow")
        return "next"
    if command == "undo":
        try:
            undone = quiz.undo()
        except UsageError as exc:
            ui.message(str(exc), style="yellow")
            return None
        ui.message(
            f"Undid the last {undone}." if undone else "Nothing to undo.",
            style="yellow",
        )
        return "next" if undone else None
    if command in ("again", "hard", "good", "easy"):
        try:
            ui.show_feedback(quiz.override(Rating[command.upper()]))
        except UsageError as exc:
            ui.message(str(exc), style="yellow")
        return None
    if command == "help":
        ui.message(HELP)
        return None
    word = typed.strip().lstrip(":").strip().lower()
    candidates = [c for c in COMMANDS if word and c.startswith(word)]
    if len(candidates) > 1:
        ui.message(f"{typed.strip()!r} could be :{' or :'.join(candidates)}", style="yellow")
    else:
        ui.message(f"Unknown command {typed.strip()!r}. {HELP}", style="yellow")
    return None


def _after_feedback(quiz: Quiz, ui: SessionUI) -> str:
    while True:
        key = ui.read_after_feedback()
        if key is None or key in ("", "\n", "\r", " ", "n"):
            return "next"
        if key in "1234":
            if quiz.practice:
                ui.message("Practice does not rate answers; Enter for the next question.")
                continue
            last = quiz.last_feedback()
            if key == "1" and last is not None and last.verdict.correct:
                # A double tap of the answer key "1" must not mark a right answer Again.
                ui.message(
                    "Re-rate this right answer as Again? Press 1 again to confirm, "
                    "any other key keeps it.",
                    style="yellow",
                )
                if ui.read_after_feedback() != "1":
                    ui.message("Kept as it was. Enter for the next question.", style="dim")
                    continue
            try:
                ui.show_feedback(quiz.override(Rating(int(key))))
            except UsageError as exc:  # another session answered it since
                ui.message(str(exc), style="yellow")
        elif key == "u":
            try:
                quiz.undo()
            except UsageError as exc:
                ui.message(str(exc), style="yellow")
                return "next"
            ui.message("Undid the last answer.", style="yellow")
            return "next"
        elif key == "s":
            stored = quiz.suspend(last=True)
            ui.message(suspended_message(stored.question.id), style="yellow")
            return "next"
        elif key == "q":
            return "quit"


# --- summary ----------------------------------------------------------------------------


def summary(
    quiz: Quiz,
    store: Store,
    *,
    now: dt.datetime,
    started: dt.datetime,
    utc_offset_minutes: int,
    ended: str,
) -> SessionSummary:
    """The end-of-session report (also stored in the session row)."""
    from quizmaster.stats import streak_days_probed

    tally = quiz.tally
    tomorrow_end = _tomorrow_end(now, utc_offset_minutes)
    today = (now + dt.timedelta(minutes=utc_offset_minutes)).date()
    return SessionSummary(
        practice=quiz.practice,
        answered=tally.answered,
        correct=tally.correct,
        accuracy=round(tally.correct / tally.answered, 3) if tally.answered else None,
        seconds=max(0, round((now - started).total_seconds())),
        streak_days=streak_days_probed(
            lambda day: store.reviewed_on(day, utc_offset_minutes), today
        ),
        due_tomorrow=store.count_due(tomorrow_end),
        left_in_queue=len(quiz.queue),
        leeches=tuple(tally.leeches),
        ended=ended,
    )


def _tomorrow_end(now: dt.datetime, utc_offset_minutes: int) -> dt.datetime:
    """The last moment of tomorrow's study day."""
    today = day_start(study_day(now, utc_offset_minutes), utc_offset_minutes)
    return today + dt.timedelta(days=2) - dt.timedelta(microseconds=1)


def describe_due(due: dt.datetime, now: dt.datetime, utc_offset_minutes: int) -> str:
    """When a question comes back, in words: "in 10 minutes", "tomorrow", "in 4 days"."""
    delta = due - now
    if delta < dt.timedelta(hours=1):
        return f"in {max(1, round(delta.total_seconds() / 60))} minutes"
    days = (study_day(due, utc_offset_minutes) - study_day(now, utc_offset_minutes)).days
    if days <= 0:
        return f"in {round(delta.total_seconds() / 3600)} hours"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def run_quiz(
    store: Store,
    ui: SessionUI,
    *,
    clock: Callable[[], dt.datetime],
    timer: Callable[[], float],
    utc_offset_minutes: int = 0,
    deck: str | None = None,
    tag: str | None = None,
    limit: int | None = None,
    practice: bool = False,
    fuzz: bool = True,
) -> SessionSummary | NothingDue:
    """A whole session: queue, session row, the loop, the summary (stored in the session
    row). Returns the summary, or what to say when there is nothing to ask."""
    settings = load_settings(store)
    started = clock()
    queue = build_queue(
        store,
        now=started,
        settings=settings,
        utc_offset_minutes=utc_offset_minutes,
        deck=deck,
        tag=tag,
        limit=limit,
        practice=practice,
    )
    if not queue:
        return NothingDue(_nothing_due(store, started, settings, utc_offset_minutes))
    session_id = store.start_session(
        "practice" if practice else "quiz",
        started_at=started,
        deck=deck,
        data={"tag": tag, "limit": limit, "queue": len(queue)},
    )
    quiz = Quiz(
        store,
        queue,
        scheduler=settings.scheduler(utc_offset_minutes, fuzz=fuzz),
        practice=practice,
        session_id=session_id,
    )
    ended = run(quiz, ui, clock=clock, timer=timer)
    finished = clock()
    report = summary(
        quiz,
        store,
        now=finished,
        started=started,
        utc_offset_minutes=utc_offset_minutes,
        ended=ended,
    )
    store.end_session(session_id, ended_at=finished, data=report.to_json())
    return report


def _nothing_due(
    store: Store, now: dt.datetime, settings: QuizSettings, utc_offset_minutes: int
) -> str:
    tomorrow = _tomorrow_end(now, utc_offset_minutes)
    new_done, _ = store.reviews_since(study_day_start(now, utc_offset_minutes))
    reason = "Nothing due now"
    if store.count_new() and new_done >= settings.new_per_day:
        reason += f" and today's {settings.new_per_day} new questions are done"
    return (
        f"{reason}. Due by tomorrow: {store.count_due(tomorrow)}. "
        "To review ahead: quizmaster quiz --practice"
    )
