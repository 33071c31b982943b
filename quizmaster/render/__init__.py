"""Everything the user sees in a terminal. The only package that imports Rich.

When stdout is not a terminal Rich drops colours and cursor tricks by itself, so the same
functions print plain text for scripts and pipes.

Callers import the package and call ``render.name(...)``; every name in ``__all__`` is
imported here from the submodule that draws it, one per job:

- ``consoles``: the stdout, stderr and plain consoles, error and status lines, JSON, CSV and
  raw output, a prompt
- ``listings``: decks, suspended questions, facts, questions, settings, a load's report
- ``questions``: a question's body and card, ``questions show``, kind labels, answer hints
- ``dashboard_screen``: the dashboard
- ``optimize``: the FSRS parameter optimisation report
- ``quiz``: a session's questions, feedback, messages and summary
- ``mock``: a mock's screens and its result sheet
- ``stats``: the heatmap, the column chart, ``stats`` and ``history``
- ``ingest``: facts and their questions under review, previews, the report
- ``exchange``: the progress bar, an export's closing line, an import's result
- ``doctor``: the doctor's report
- ``plural``: counted nouns, shared by several of the above

A test that swaps a console patches the module holding it (``render.consoles._out``,
``render.mock._mock_console``): that is where the drawing functions look it up.
"""

from quizmaster.render.consoles import (
    csv_out,
    err,
    error,
    info,
    json_out,
    out,
    plain_out,
    prompt,
    raw_out,
)
from quizmaster.render.dashboard_screen import dashboard
from quizmaster.render.doctor import doctor_report
from quizmaster.render.exchange import (
    LIST_LIMIT,
    PROGRESS_MIN_ITEMS,
    export_done,
    import_result,
    progress_bar,
)
from quizmaster.render.ingest import ingest_preview, ingest_report, review_fact, review_questions
from quizmaster.render.listings import (
    decks_table,
    facts_table,
    load_report,
    question_page,
    settings_table,
    suspended_table,
)
from quizmaster.render.mock import (
    MOCK_KEYS_HELP,
    clock_text,
    mock_done,
    mock_plain_answer,
    mock_plain_question,
    mock_prompt,
    mock_result,
    mock_screen,
    mock_to_stderr,
)
from quizmaster.render.optimize import fsrs_parameters, fsrs_parameters_text, optimize_report
from quizmaster.render.questions import (
    KIND_LABEL,
    LABEL_WORD_RE,
    answer_hint,
    card_title,
    hides_answer,
    question_body,
    question_panel,
    show_question,
)
from quizmaster.render.quiz import (
    nothing_to_quiz,
    session_feedback,
    session_key_echo,
    session_key_prompt,
    session_message,
    session_prompt,
    session_question,
    session_summary,
)
from quizmaster.render.stats import column_chart, heatmap_chart, history_report, stats_report

__all__ = [
    # consoles
    "out",
    "err",
    "plain_out",
    "error",
    "info",
    "json_out",
    "csv_out",
    "raw_out",
    "prompt",
    # tables
    "decks_table",
    "suspended_table",
    "facts_table",
    "question_page",
    "settings_table",
    "load_report",
    # questions
    "KIND_LABEL",
    "LABEL_WORD_RE",
    "question_body",
    "hides_answer",
    "card_title",
    "question_panel",
    "show_question",
    "answer_hint",
    # dashboard_screen
    "dashboard",
    # optimize
    "optimize_report",
    "fsrs_parameters_text",
    "fsrs_parameters",
    # quiz
    "session_question",
    "session_feedback",
    "session_message",
    "session_key_echo",
    "session_key_prompt",
    "session_prompt",
    "session_summary",
    "nothing_to_quiz",
    # mock
    "mock_to_stderr",
    "clock_text",
    "MOCK_KEYS_HELP",
    "mock_screen",
    "mock_prompt",
    "mock_done",
    "mock_plain_question",
    "mock_plain_answer",
    "mock_result",
    # stats
    "heatmap_chart",
    "column_chart",
    "stats_report",
    "history_report",
    # ingest
    "review_fact",
    "review_questions",
    "ingest_preview",
    "ingest_report",
    # exchange
    "PROGRESS_MIN_ITEMS",
    "LIST_LIMIT",
    "progress_bar",
    "export_done",
    "import_result",
    # doctor
    "doctor_report",
]
