"""Leaves the MLflow database at the URL one migration behind this MLflow's newest schema, as an older MLflow leaves it.

Uses MLflow's own migrations: the initial tables, then every migration up to the one before the head (what
`mlflow db upgrade` of the older release would have done). Prints {"head": ..., "previous": ...} as JSON.
"""

import json
import sys

from alembic import command
from alembic.script import ScriptDirectory
from mlflow.store.tracking.dbmodels.initial_models import Base as InitialBase
from mlflow.store.db.utils import _get_alembic_config
from sqlalchemy import create_engine

url = sys.argv[1]
config = _get_alembic_config(url)
head = ScriptDirectory.from_config(config).get_current_head()
previous = ScriptDirectory.from_config(config).get_revision(head).down_revision
engine = create_engine(url)
InitialBase.metadata.create_all(engine)
with engine.begin() as connection:
    config.attributes["connection"] = connection
    command.upgrade(config, previous)
print(json.dumps({"head": head, "previous": previous}))
