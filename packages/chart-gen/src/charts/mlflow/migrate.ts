/**
 * Waits for PostgreSQL to accept connections, then brings the schema up to date (a no-op when it is). Replicas
 * starting together take turns on a PostgreSQL advisory lock, so one migrates and the others find the schema
 * current; the lock ends with its connection, also when the process dies. A refused password fails at once.
 */
export const migrateScript = `
exec python - <<'PY'
import os, signal, socket, subprocess, sys, time
import psycopg2

# As the container's PID 1, Python would ignore SIGTERM: stop when the Pod is deleted.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

host, port = os.environ["PGHOST"], int(os.environ["PGPORT"])
deadline = time.time() + int(os.environ["WAIT_TIMEOUT_SECONDS"])
while True:
    try:
        socket.create_connection((host, port), timeout=3).close()
        break
    except OSError as error:
        if time.time() > deadline:
            sys.exit(f"PostgreSQL at {host}:{port} is not reachable: {error}")
        print(f"waiting for PostgreSQL at {host}:{port}", flush=True)
        time.sleep(3)
try:
    connection = psycopg2.connect("")
except psycopg2.OperationalError as error:
    sys.exit(f"cannot connect to PostgreSQL at {host}:{port}: {error}")
connection.autocommit = True


def revision(cursor):
    cursor.execute("SELECT to_regclass('alembic_version') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return None
    cursor.execute("SELECT version_num FROM alembic_version")
    row = cursor.fetchone()
    return row[0] if row else None


with connection.cursor() as cursor:
    print("waiting for the migration lock", flush=True)
    cursor.execute("SELECT pg_advisory_lock(hashtext('mlflow db upgrade'))")
    before = revision(cursor)
    upgrade = subprocess.run(["mlflow", "db", "upgrade", os.environ["MLFLOW_BACKEND_STORE_URI"]])
    after = revision(cursor)
if upgrade.returncode != 0:
    sys.exit(f"mlflow db upgrade failed with exit code {upgrade.returncode}")
if before == after:
    print(f"schema already at revision {after}", flush=True)
else:
    print(f"schema upgraded from revision {before or 'none (empty database)'} to {after}", flush=True)
PY
`;
