"""quizmaster: current-affairs facts to exam questions, remembered with spaced repetition."""

__version__ = "0.1.0"
