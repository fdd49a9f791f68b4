"""The QA benchmark: dataset, metrics, runner, baselines side by side, Markdown report.

Modules (import what you need; nothing heavy runs at import time):

* ``eval.dataset``: ``load_dataset(path) -> list[QAItem]``, strict per-line validation.
* ``eval.normalise`` / ``eval.metrics``: text normalisation and pure metric functions.
* ``eval.runner``: ``run_eval``, ``write_run`` (the run-file contract) and ``main_eval``
  (what ``dealqa eval`` calls).
* ``eval.systems``: ours and the recipe / BM25 baselines. ``eval.tables``, ``eval.chart``,
  ``eval.report``, ``eval.targets``: presentation and the quality bar.
"""
