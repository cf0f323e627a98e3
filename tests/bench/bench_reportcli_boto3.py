"""boto3's filter_log_events paginator over one run report, for bench_reportcli: the same events
SyncDeck's get-sync-job-report reads, with botocore's retry mode of the caller's choice.

Environment: SYNCDECK_ENDPOINT, SYNCDECK_LOG_GROUP, SYNCDECK_LOG_STREAM, SYNCDECK_START_TIME,
SYNCDECK_END_TIME (epoch ms), SYNCDECK_RETRY_MODE (standard, legacy or adaptive; botocore's
default number of attempts of that mode). Prints one line of figures:

  events N pages P throttled T seconds S complete 0|1 peak_kb K mode M attempts A error E

`throttled` counts every ThrottlingException answer botocore met (retried or not); `complete`
is 0 when the paginator gave up (the error's code follows). Exit status 0 when the figures were
printed, 77 when boto3 is not installed.
"""
import os
import resource
import sys
import time

try:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError:
    print("boto3 is not installed")
    sys.exit(77)

# botocore's default total attempts per mode (its documentation: legacy 5, standard and
# adaptive 3).
DEFAULT_ATTEMPTS = {"legacy": 5, "standard": 3, "adaptive": 3}


def main():
    mode = os.environ.get("SYNCDECK_RETRY_MODE", "standard")
    logs = boto3.client(
        "logs", region_name="us-east-1", endpoint_url=os.environ["SYNCDECK_ENDPOINT"],
        config=Config(retries={"mode": mode}),
        aws_access_key_id="AKIDSYNCDECKEMULATOR",
        aws_secret_access_key="SyncDeck/Emulator+Secret/Key0000000000000")
    throttled = 0

    def count_throttles(response=None, **_):
        nonlocal throttled
        if response and response[1].get("Error", {}).get("Code") == "ThrottlingException":
            throttled += 1
        # None: botocore's own retry handler decides.

    logs.meta.events.register("needs-retry.cloudwatch-logs.FilterLogEvents", count_throttles)
    params = dict(logGroupName=os.environ["SYNCDECK_LOG_GROUP"],
                  logStreamNames=[os.environ["SYNCDECK_LOG_STREAM"]],
                  startTime=int(os.environ["SYNCDECK_START_TIME"]),
                  endTime=int(os.environ["SYNCDECK_END_TIME"]))
    events = pages = 0
    error = "-"
    started = time.monotonic()
    try:
        for page in logs.get_paginator("filter_log_events").paginate(**params):
            pages += 1
            events += len(page.get("events", []))
    except ClientError as e:
        error = e.response["Error"]["Code"]
    seconds = time.monotonic() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"events {events} pages {pages} throttled {throttled} seconds {seconds:.3f} "
          f"complete {1 if error == '-' else 0} peak_kb {peak_kb} mode {mode} "
          f"attempts {DEFAULT_ATTEMPTS.get(mode, 0)} error {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
