"""Writes a run's report into moto's CloudWatch Logs server with boto3, the way Amazon Q
Business lays it out, and prints what it wrote as JSON (one object: the events per stream, in
order), so that SyncDeck's reading can be compared with it event by event.

usage: moto_logs_writer.py ENDPOINT APP_ID DATA_SOURCE_ID EXECUTION_ID START_MS EVENTS
"""
import json
import sys

import boto3


def main():
    endpoint, app, ds, execution, start_ms, count = sys.argv[1:7]
    start_ms = int(start_ms)
    count = int(count)
    logs = boto3.client(
        "logs",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIDMOTOTEST",
        aws_secret_access_key="moto-secret",
    )
    group = "/aws/qbusiness/" + app
    logs.create_log_group(logGroupName=group)
    streams = {
        "SYNC_RUN_HISTORY_REPORT/%s/%s" % (ds, execution): [],
        "GROUP_MEMBERSHIP/%s/%s" % (ds, execution): [],
        "%s/2024-05-01-errors" % ds: [],
    }
    report, membership, legacy = list(streams)
    for i in range(count):
        status = "FAILED" if i % 5 == 0 else "SKIPPED" if i % 7 == 0 else "SUCCESS"
        event = {
            "DocumentId": "s3://bucket/folder %d/doc-%d.pdf" % (i % 13, i),
            "DocumentTitle": "Quarterly \"report\" n\u00b0%d \u2014 \U0001F4C4" % i,
            "SourceUri": "https://bucket.s3.amazonaws.com/doc-%d.pdf" % i,
            "CrawlAction": "ADD",
            "ConnectorDocumentStatus": {"Status": status},
            "CrawlStatus": {"Status": "SUCCESS"},
            "SyncStatus": "SUCCESS",
            "IndexStatus": {"Status": "FAILED" if status == "FAILED" else "SUCCESS"},
            "Acl": json.dumps([{"name": "user%d" % i, "type": "USER", "access": "ALLOW"}]),
            "Metadata": json.dumps({"_source_uri": "x"}),
        }
        if status == "FAILED":
            event["ErrorMsg"] = "File doc-%d.pdf exceeds 50 MB" % i
        message = json.dumps(event) if i != 17 else "not JSON: <b>plain text</b>"
        streams[report].append({"timestamp": start_ms + i * 10, "message": message})
    streams[membership] = [
        {
            "timestamp": start_ms + 5,
            "message": json.dumps(
                {
                    "groupName": "eng",
                    "memberName": "alice",
                    "memberType": "USER",
                    "isMemberFederated": "TRUE",
                    "isGroupFederated": "FALSE",
                }
            ),
        }
    ]
    streams[legacy] = [
        {
            "timestamp": start_ms + 7,
            "message": json.dumps(
                {
                    "DocumentId": "doc-x",
                    "ErrorCode": "InvalidRequest",
                    "ErrorMessage": "Too large",
                    "LogLevel": "ERROR",
                    "SourceURI": "https://x",
                }
            ),
        }
    ]
    for name, events in streams.items():
        logs.create_log_stream(logGroupName=group, logStreamName=name)
        for first in range(0, len(events), 1000):
            logs.put_log_events(
                logGroupName=group, logStreamName=name, logEvents=events[first : first + 1000]
            )
    json.dump(streams, sys.stdout)


if __name__ == "__main__":
    main()
