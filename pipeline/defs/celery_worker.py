"""The Celery app a worker runs the pipeline's steps with (docs/cluster.md, "Celery").

    .venv/bin/python -m celery -A pipeline.defs.celery_worker worker --pool=solo -Q dagster

dagster-celery's own ``dagster-celery worker start`` runs ``celery`` from ``PATH`` and writes
the broker into a generated module; this app takes the broker and backend from the settings
(``NEWS_CELERY_BROKER``, ``NEWS_CELERY_BACKEND``: the same values the runs' executor uses by
default) and is started with the virtualenv's interpreter, so nothing needs to be on ``PATH``.
It registers dagster-celery's step task (``execute_plan``) on dagster-celery's queue and
routing, exactly what ``celery_executor`` submits.
"""

from __future__ import annotations

from dagster_celery.executor import CeleryExecutor
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from pipeline.config import Settings

settings = Settings.from_env()
app = make_app(CeleryExecutor.for_cli(broker=settings.celery_broker,
                                      backend=settings.celery_result_backend).app_args())
execute_plan = create_task(app)
