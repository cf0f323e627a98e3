"""Conformance of the SyncDeck emulator with boto3 (botocore's qbusiness model).

Environment as for sdk-walk.mjs: SYNCDECK_ENDPOINT, SYNCDECK_THROTTLE_ENDPOINT,
SYNCDECK_EXPECT_APPLICATIONS, SYNCDECK_EXPECT_DATA_SOURCES, SYNCDECK_EXPECT_JOBS.
Exit status 0: every check passed; 77: boto3 (or its qbusiness model) is missing; 1: a failure.
"""
import os
import re
import sys

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
TERMINAL = {"FAILED", "SUCCEEDED", "INCOMPLETE", "ABORTED"}
STATUSES = ["FAILED", "SUCCEEDED", "SYNCING", "INCOMPLETE", "STOPPING", "ABORTED", "SYNCING_INDEXING"]


def client(endpoint, **kwargs):
    retries = kwargs.pop("retries", {"max_attempts": 3, "mode": "standard"})
    return boto3.client("qbusiness", region_name="us-east-1", endpoint_url=endpoint,
                        config=Config(retries=retries), **CREDENTIALS, **kwargs)


def check(what):
    print(f"ok - {what}", flush=True)


def walk(qb, operation, member, page_size=None, **params):
    config = {"PageSize": page_size} if page_size else {}
    items = []
    for page in qb.get_paginator(operation).paginate(**params, PaginationConfig=config):
        items.extend(page[member])
    return items


def expect_error(call, code, what, **params):
    try:
        call(**params)
    except ClientError as e:
        got = e.response["Error"]["Code"]
        assert got == code, f"{what}: expected {code}, got {got}: {e}"
        check(f"{what} -> {got} ({e.response['ResponseMetadata']['HTTPStatusCode']})")
        return e.response
    raise AssertionError(f"{what}: expected {code}")


def main():
    endpoint = os.environ["SYNCDECK_ENDPOINT"]
    throttle_endpoint = os.environ["SYNCDECK_THROTTLE_ENDPOINT"]
    expect_apps = int(os.environ["SYNCDECK_EXPECT_APPLICATIONS"])
    expect_sources = int(os.environ["SYNCDECK_EXPECT_DATA_SOURCES"])
    expect_jobs = int(os.environ["SYNCDECK_EXPECT_JOBS"])
    try:
        qb = client(endpoint)
    except UnknownServiceError:
        print("this botocore has no qbusiness model")
        sys.exit(77)

    apps = walk(qb, "list_applications", "applications", page_size=1)
    assert len(apps) == expect_apps, len(apps)
    check(f"ListApplications: {len(apps)} applications")
    first = None
    running = 0
    total = 0
    for app in apps:
        for index in walk(qb, "list_indices", "indices", applicationId=app["applicationId"]):
            ids = dict(applicationId=app["applicationId"], indexId=index["indexId"])
            sources = walk(qb, "list_data_sources", "dataSources", page_size=2, **ids)
            assert len(sources) == expect_sources
            for ds in sources:
                ds_ids = dict(ids, dataSourceId=ds["dataSourceId"])
                first = first or ds_ids
                details = qb.get_data_source(**ds_ids)
                assert details["type"] == ds["type"]
                jobs = walk(qb, "list_data_source_sync_jobs", "history", page_size=10, **ds_ids)
                assert len(jobs) == expect_jobs, (ds["displayName"], len(jobs))
                previous = None
                for j in jobs:
                    assert previous is None or j["startTime"] <= previous
                    previous = j["startTime"]
                    if j["status"] not in TERMINAL:
                        running += 1
                    else:
                        assert j["endTime"] >= j["startTime"]
                    for k, v in j.get("metrics", {}).items():
                        assert re.fullmatch(r"0|[1-9][0-9]*", v), (k, v)
                for status in STATUSES:
                    expected = sum(1 for j in jobs if j["status"] == status)
                    got = walk(qb, "list_data_source_sync_jobs", "history", page_size=6,
                               statusFilter=status, **ds_ids)
                    assert all(j["status"] == status for j in got)
                    if ds_ids is first and status.startswith("SYNCING"):
                        assert abs(len(got) - expected) <= 1
                    else:
                        assert len(got) == expected, (ds["displayName"], status, len(got), expected)
                start = jobs[min(len(jobs) - 1, 99)]["startTime"]
                end = jobs[min(len(jobs) - 1, 9)]["startTime"]
                ranged = walk(qb, "list_data_source_sync_jobs", "history", page_size=10,
                              startTime=start, endTime=end, **ds_ids)
                assert len(ranged) == sum(1 for j in jobs if start <= j["startTime"] <= end)
                total += len(jobs)
    assert running == 1, running
    check(f"ListDataSourceSyncJobs: {total} jobs, status and time filters agree")

    page = qb.list_data_source_sync_jobs(maxResults=2, **first)
    assert page["history"][1]["status"] == "FAILED"
    token = page["nextToken"]
    assert "+" in token and "/" in token and "=" in token
    response = expect_error(qb.list_data_source_sync_jobs, "ValidationException",
                            "token reused with another filter", nextToken=token,
                            statusFilter="FAILED", **first)
    assert response["fields"][0]["name"] == "nextToken"

    # botocore checks lengths itself; the pattern is the service's to check.
    response = expect_error(qb.get_data_source, "ValidationException", "id breaking the pattern",
                            **dict(first, dataSourceId="-0000000-0000-4000-8000-000000000000"))
    assert response["reason"] == "FIELD_VALIDATION_FAILED"
    assert response["fields"][0]["name"] == "dataSourceId"
    missing = "00000000-0000-4000-8000-000000000000"
    response = expect_error(qb.list_data_source_sync_jobs, "ResourceNotFoundException",
                            "unknown data source", **dict(first, dataSourceId=missing))
    assert response["resourceId"] == missing and response["resourceType"] == "DataSource"
    expect_error(qb.start_data_source_sync_job, "ConflictException", "start while a sync runs",
                 **first)
    throttled = client(throttle_endpoint, retries={"total_max_attempts": 1})
    response = expect_error(throttled.list_data_source_sync_jobs, "ThrottlingException",
                            "throttle fault", **first)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 429
    wrong = boto3.client("qbusiness", region_name="us-east-1", endpoint_url=endpoint,
                         aws_access_key_id=CREDENTIALS["aws_access_key_id"],
                         aws_secret_access_key="wrong",
                         config=Config(retries={"total_max_attempts": 1}))
    response = expect_error(wrong.list_data_source_sync_jobs, "InvalidSignatureException",
                            "wrong secret", **first)
    assert "The Canonical String for this request should have been" in response["Error"]["Message"]
    print("all checks passed")


if __name__ == "__main__":
    main()
