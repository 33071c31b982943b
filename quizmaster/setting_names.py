"""The names of the settings stored in the database, in one place. No imports, so the fast
start-up paths (``dashboard_fast``) can read them without loading the quiz core."""

NEW_PER_DAY = "new_per_day"
REVIEWS_PER_DAY = "reviews_per_day"
DESIRED_RETENTION = "desired_retention"
EXAM_DATE = "exam_date"
NEW_ORDER = "new_order"
# Written by ``quizmaster optimize``; cleared by ``config unset``, never typed by hand.
FSRS_PARAMETERS = "fsrs_parameters"
FSRS_FITTED_AT = "fsrs_fitted_at"
FSRS_FIT_METRICS = "fsrs_fit_metrics"
