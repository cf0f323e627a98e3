"""Lists sync jobs with boto3's paginator, for SyncDeck's client benchmark.

Usage: python3 boto3_list_syncjobs.py ENDPOINT APP INDEX DATASOURCE PAGE_SIZE
Prints the number of jobs and the seconds the listing took.
"""
import sys
import time

import boto3


def main():
    endpoint, app, index, ds, page_size = sys.argv[1:6]
    client = boto3.client("qbusiness", endpoint_url=endpoint, region_name="us-east-1")
    started = time.monotonic()
    count = 0
    paginator = client.get_paginator("list_data_source_sync_jobs")
    for page in paginator.paginate(applicationId=app, indexId=index, dataSourceId=ds,
                                   PaginationConfig={"PageSize": int(page_size)}):
        count += len(page.get("history", []))
    print(count, "%.3f" % (time.monotonic() - started))


if __name__ == "__main__":
    main()
