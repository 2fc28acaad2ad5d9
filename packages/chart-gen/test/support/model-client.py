"""A data scientist's session: train a small model and log it to the tracking server named by MLFLOW_TRACKING_URI.

    model-client.py log <experiment>   fit scikit-learn's logistic regression on the iris data set (bundled with
                                       scikit-learn, nothing is downloaded), log it as an MLflow model under the run's
                                       artifacts/model, and print its own predictions for a few rows

Prints one JSON line: the run, the rows and the predictions the served model must reproduce.
"""

import json
import os
import sys
import tempfile

import mlflow
import mlflow.sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression


def log(experiment_name: str) -> dict:
    features, labels = load_iris(return_X_y=True, as_frame=True)
    model = LogisticRegression(max_iter=500).fit(features, labels)
    rows = features.iloc[[0, 60, 120, 83]]
    experiment_id = mlflow.create_experiment(experiment_name)
    with mlflow.start_run(experiment_id=experiment_id) as run:
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "model")
            # The input example gives the model a signature, which MLServer's MLflow runtime decodes requests by.
            mlflow.sklearn.save_model(model, path, input_example=rows.head(1))
            mlflow.log_artifacts(path, artifact_path="model")
    return {
        "experiment_id": experiment_id,
        "run_id": run.info.run_id,
        "artifact_uri": run.info.artifact_uri,
        "columns": list(features.columns),
        "rows": rows.values.tolist(),
        "predictions": model.predict(rows).tolist(),
    }


if __name__ == "__main__":
    print(json.dumps(log(sys.argv[2])))
