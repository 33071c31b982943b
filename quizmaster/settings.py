"""The quiz settings: the keys ``config set`` accepts and their defaults, a typed value
checked as the user typed it, the settings read back from the store, and the ``config``
listing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from quizmaster.errors import UsageError
from quizmaster.records import NEW_ORDERS
from quizmaster.reports import Setting, SettingsListing, SettingValue
from quizmaster.scheduler import SchedulerSettings
from quizmaster.setting_names import (
    DESIRED_RETENTION,
    EXAM_DATE,
    FSRS_PARAMETERS,
    NEW_ORDER,
    NEW_PER_DAY,
    REVIEWS_PER_DAY,
)

if TYPE_CHECKING:
    from quizmaster.store import Store

DEFAULTS: dict[str, SettingValue] = {
    NEW_PER_DAY: 20,
    REVIEWS_PER_DAY: 200,
    DESIRED_RETENTION: 0.9,
    EXAM_DATE: None,
    NEW_ORDER: "newest",
}
SETTABLE = tuple(DEFAULTS)
# ``config unset`` also clears the parameters ``optimize`` fitted.
UNSETTABLE = (*SETTABLE, FSRS_PARAMETERS)


@dataclass(frozen=True)
class QuizSettings:
    new_per_day: int = 20
    reviews_per_day: int = 200
    desired_retention: float = 0.9
    exam_date: dt.date | None = None
    fsrs_parameters: tuple[float, ...] | None = None
    new_order: str = "newest"

    def scheduler(self, utc_offset_minutes: int, *, fuzz: bool = True) -> SchedulerSettings:
        return SchedulerSettings(
            desired_retention=self.desired_retention,
            parameters=self.fsrs_parameters,
            exam_date=self.exam_date,
            utc_offset_minutes=utc_offset_minutes,
            fuzz=fuzz,
        )


def parse_setting(key: str, text: str) -> SettingValue:
    """The stored value of a setting typed on the command line; raises UsageError."""
    if key not in SETTABLE:
        raise UsageError(f"unknown setting {key!r}; choose from {', '.join(SETTABLE)}")
    value = text.strip()
    if key in (NEW_PER_DAY, REVIEWS_PER_DAY):
        if not value.isascii() or not value.isdigit() or len(value) > 5 or int(value) > 10_000:
            raise UsageError(f"{key} must be a whole number from 0 to 10000, not {text[:40]!r}")
        return int(value)
    if key == DESIRED_RETENTION:
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0.7 <= number <= 0.99:
            raise UsageError(f"desired_retention must be between 0.70 and 0.99, not {text[:40]!r}")
        return number
    if key == NEW_ORDER:
        if value.lower() not in NEW_ORDERS:
            raise UsageError(
                f"new_order must be one of {', '.join(NEW_ORDERS)} (newest: the latest "
                f"ingest or import first; mixed: decks in turn; deck: deck by deck), "
                f"not {text!r}"
            )
        return value.lower()
    if value.lower() in ("", "none", "off"):
        return None
    from quizmaster.boundary_checks import MAX_YEAR, MIN_YEAR

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"exam_date must be a date like 2027-05-24 (or 'none'), not {text[:40]!r}"
        ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UsageError(f"exam_date must be between {MIN_YEAR} and {MAX_YEAR}, not {value!r}")
    return day.isoformat()


def load_settings(store: Store) -> QuizSettings:
    """The quiz settings stored in the database, defaults for what is absent. Bad stored
    values (edited by hand) are reported, not ignored."""
    raw = store.all_settings()
    values: dict[str, SettingValue] = {}
    for key in SETTABLE:
        if raw.get(key) is not None:
            try:
                values[key] = parse_setting(key, str(raw[key]))
            except UsageError as exc:
                raise UsageError(
                    f"stored setting: {exc}; fix it with `quizmaster config set`"
                ) from None
    params = raw.get(FSRS_PARAMETERS)
    parameters: tuple[float, ...] | None = None
    if params:
        from quizmaster.scheduler import check_parameters

        try:
            parameters = tuple(float(p) for p in params)
            check_parameters(parameters)
        except (TypeError, ValueError) as exc:
            raise UsageError(
                f"stored fsrs_parameters are invalid ({str(exc).splitlines()[0]}); "
                "run `quizmaster optimize` again or `quizmaster config unset fsrs_parameters`"
            ) from None
    exam = values.get(EXAM_DATE)
    # parse_setting gives each key the type of its default.
    merged = {**DEFAULTS, **values}
    return QuizSettings(
        new_per_day=cast(int, merged[NEW_PER_DAY]),
        reviews_per_day=cast(int, merged[REVIEWS_PER_DAY]),
        desired_retention=cast(float, merged[DESIRED_RETENTION]),
        exam_date=dt.date.fromisoformat(str(exam)) if exam else None,
        fsrs_parameters=parameters,
        new_order=cast(str, merged[NEW_ORDER]),
    )


def save_setting(store: Store, key: str, value: SettingValue) -> None:
    """``config set`` of a value ``parse_setting`` returned: None clears the setting."""
    if value is None:
        store.delete_setting(key)
    else:
        store.set_setting(key, value)


def check_unsettable(key: str) -> None:
    """``config unset`` takes the quiz settings and fsrs_parameters; raises UsageError."""
    if key not in UNSETTABLE:
        raise UsageError(
            f"unknown setting {key!r}; choose from {', '.join(SETTABLE)}, {FSRS_PARAMETERS}"
        )


def settings_listing(store: Store) -> SettingsListing:
    """``config``: each quiz setting and fsrs_parameters, with whether it is the default."""
    settings = load_settings(store)
    rows: list[Setting] = []
    for key in SETTABLE:
        value = getattr(settings, key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        rows.append(Setting(key, value, value == DEFAULTS[key]))
    params = settings.fsrs_parameters
    rows.append(Setting(FSRS_PARAMETERS, params if params else None, params is None))
    return SettingsListing(tuple(rows))
