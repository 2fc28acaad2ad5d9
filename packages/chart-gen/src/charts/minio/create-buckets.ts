/**
 * Waits for the server, then creates each bucket unless it exists: safe to run on every upgrade. The shell is the
 * container's PID 1, which ignores SIGTERM unless it traps it: without the trap a Job stopped at its deadline or by a
 * deleted sync would wait out the grace period.
 */
export const createBucketsScript = `
trap 'echo "stopped before the buckets were created"; exit 143' TERM INT
# mc reads the keys from standard input, so they never appear in a process's arguments or environment.
printf '%s\\n%s\\n' "$(cat "$MINIO_ROOT_USER_FILE")" "$(cat "$MINIO_ROOT_PASSWORD_FILE")" |
  mc alias set target "$MINIO_ENDPOINT" --api S3v4 >/dev/null
until mc ls target >/dev/null 2>&1; do
  echo "waiting for MinIO at $MINIO_ENDPOINT"
  sleep 3
done
for bucket in $BUCKETS; do
  mc mb --ignore-existing "target/$bucket"
done
`;
