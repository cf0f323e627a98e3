"""A run's document report through the emulator with boto3's `logs` client (and ListDocuments
with its `qbusiness` client): the same events as SyncDeck got, and typed errors.

Environment as for report-walk.mjs. With SYNCDECK_BENCH=1 it only pages the report and prints
"events N seconds S" (the benchmark). Exit status 0: every check passed; 77: boto3 missing.
"""
import hashlib
import os
import sys
import time

try:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import ClientError, UnknownServiceError
except ImportError:
    print("boto3 is not installed")
    sys.exit(77)

CREDENTIALS = dict(
    aws_access_key_id="AKIDSYNCDECKEMULATOR",
    aws_secret_access_key="SyncDeck/Emulator+Secret/Key0000000000000",
)


def env(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"not ok - {name} is not set")
    return value


def client(service, endpoint, attempts=3):
    return boto3.client(service, region_name="us-east-1", endpoint_url=endpoint,
                        config=Config(retries={"max_attempts": attempts, "mode": "standard"}),
                        **CREDENTIALS)


def check(what):
    print(f"ok - {what}", flush=True)


def expect_error(call, code, what):
    try:
        call()
    except ClientError as e:
        got = e.response["Error"]["Code"]
        assert got == code, f"{what}: {got} instead of {code}"
        check(f"{what}: {code}")
        return e
    raise AssertionError(f"{what}: no error")


def main():
    logs = client("logs", env("SYNCDECK_ENDPOINT"))
    params = dict(logGroupName=env("SYNCDECK_LOG_GROUP"),
                  logStreamNames=[env("SYNCDECK_LOG_STREAM")],
                  startTime=int(env("SYNCDECK_START_TIME")),
                  endTime=int(env("SYNCDECK_END_TIME")))
    started = time.monotonic()
    digest = hashlib.sha256()
    events = pages = 0
    for page in logs.get_paginator("filter_log_events").paginate(**params):
        pages += 1
        for e in page.get("events", []):
            digest.update(f"{e['eventId']}\n{e['message']}\n".encode())
            events += 1
    seconds = time.monotonic() - started
    if os.environ.get("SYNCDECK_BENCH") == "1":
        print(f"events {events} seconds {seconds:.3f}")
        return 0
    assert events == int(env("SYNCDECK_EXPECT_EVENTS")), f"{events} events"
    assert digest.hexdigest() == env("SYNCDECK_EXPECT_DIGEST"), "digest of the events"
    check(f"filter_log_events paginator: {events} events in {pages} pages, the same as "
          f"SyncDeck's ({seconds:.2f} s)")

    e = expect_error(lambda: logs.filter_log_events(**dict(params, logGroupName=env("SYNCDECK_MISSING_GROUP"))),
                     "ResourceNotFoundException", "a missing log group")
    assert "log group does not exist" in e.response["Error"]["Message"]
    assert isinstance(e, logs.exceptions.ResourceNotFoundException)
    throttled = client("logs", env("SYNCDECK_THROTTLE_ENDPOINT"), attempts=1)
    e = expect_error(lambda: throttled.filter_log_events(**params), "ThrottlingException",
                     "a throttled call")
    expect_error(lambda: logs.filter_log_events(**dict(params, logStreamNamePrefix="SYNC")),
                 "InvalidParameterException", "logStreamNames with logStreamNamePrefix")

    try:
        qb = client("qbusiness", env("SYNCDECK_ENDPOINT"))
    except UnknownServiceError:
        print("boto3 has no qbusiness model: ListDocuments not checked")
        print("all checks passed")
        return 0
    docs = hashlib.sha256()
    documents = 0
    for page in qb.get_paginator("list_documents").paginate(
            applicationId=env("SYNCDECK_APPLICATION_ID"), indexId=env("SYNCDECK_INDEX_ID"),
            dataSourceIds=[env("SYNCDECK_DATA_SOURCE_ID")], PaginationConfig={"PageSize": 100}):
        for d in page["documentDetailList"]:
            docs.update(f"{d['documentId']}\n{d['status']}\n".encode())
            documents += 1
    assert documents == int(env("SYNCDECK_EXPECT_DOCUMENTS")), f"{documents} documents"
    assert docs.hexdigest() == env("SYNCDECK_EXPECT_DOCUMENTS_DIGEST"), "documents digest"
    check(f"list_documents paginator: {documents} documents, the same as SyncDeck's")
    print("all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print(f"not ok - {e}")
        sys.exit(1)
