"""The fleet health check an operator writes today with boto3, for SyncDeck's fleet benchmark:
every application, index and data source of the region, then GetDataSource and the newest page
of ListDataSourceSyncJobs for each, one call after the other.

Usage: python3 boto3_fleet_status.py ENDPOINT REGION
Prints the number of data sources, how many of them have a FAILED latest run, and the seconds
it took.
"""
import sys
import time

import boto3


def main():
    endpoint, region = sys.argv[1:3]
    client = boto3.client("qbusiness", endpoint_url=endpoint, region_name=region)
    started = time.monotonic()
    count = failing = 0
    for page in client.get_paginator("list_applications").paginate():
        for app in page.get("applications", []):
            app_id = app["applicationId"]
            for ipage in client.get_paginator("list_indices").paginate(applicationId=app_id):
                for index in ipage.get("indices", []):
                    index_id = index["indexId"]
                    for dpage in client.get_paginator("list_data_sources").paginate(
                            applicationId=app_id, indexId=index_id):
                        for ds in dpage.get("dataSources", []):
                            ds_id = ds["dataSourceId"]
                            client.get_data_source(applicationId=app_id, indexId=index_id,
                                                   dataSourceId=ds_id)
                            jobs = client.list_data_source_sync_jobs(
                                applicationId=app_id, indexId=index_id, dataSourceId=ds_id,
                                maxResults=10).get("history", [])
                            count += 1
                            newest = max(jobs, key=lambda j: j["startTime"], default=None)
                            if newest is not None and newest.get("status") == "FAILED":
                                failing += 1
    print(count, failing, "%.3f" % (time.monotonic() - started))


if __name__ == "__main__":
    main()
