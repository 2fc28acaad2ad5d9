"""A data scientist's MLflow session against the tracking server named by MLFLOW_TRACKING_URI, nothing else.

    mlflow-client.py track <experiment>   create the experiment, log params, metrics and an artifact, register a model
    mlflow-client.py show <run-id>        the run as the server returns it

Prints one JSON line for the test to check against PostgreSQL and MinIO directly.
"""

import json
import os
import sys
import tempfile

import mlflow
from mlflow.tracking import MlflowClient

ARTIFACT_TEXT = "weights that are not really weights\n"


def track(experiment_name: str) -> dict:
    experiment_id = mlflow.create_experiment(experiment_name)
    with mlflow.start_run(experiment_id=experiment_id) as run:
        mlflow.log_params({"learning_rate": "0.01", "epochs": "3"})
        for step, loss in enumerate([0.9, 0.5, 0.25]):
            mlflow.log_metric("loss", loss, step=step)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "weights.txt")
            with open(path, "w", encoding="utf-8") as file:
                file.write(ARTIFACT_TEXT)
            mlflow.log_artifact(path, artifact_path="model")
    client = MlflowClient()
    model = f"{experiment_name}-model"
    client.create_registered_model(model)
    version = client.create_model_version(model, f"runs:/{run.info.run_id}/model", run.info.run_id)
    return {
        "experiment_id": experiment_id,
        "run_id": run.info.run_id,
        "artifact_uri": run.info.artifact_uri,
        "artifact_text": ARTIFACT_TEXT,
        "model_version": version.version,
    }


def show(run_id: str) -> dict:
    run = MlflowClient().get_run(run_id)
    return {"run_id": run.info.run_id, "status": run.info.status, "params": run.data.params, "metrics": run.data.metrics}


if __name__ == "__main__":
    command, argument = sys.argv[1], sys.argv[2]
    result = track(argument) if command == "track" else show(argument)
    print(json.dumps(result))
