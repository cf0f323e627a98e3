#pragma once

#include "cli.h"

// The `aws qbusiness` commands of syncdeck-cli, with the AWS CLI's names and options.
namespace syncdeck::cli {

int listApplications(Invocation &invocation);
int listIndices(Invocation &invocation);
int listDataSources(Invocation &invocation);
int getDataSource(Invocation &invocation);
int listDataSourceSyncJobs(Invocation &invocation);
int startDataSourceSyncJob(Invocation &invocation);
int stopDataSourceSyncJob(Invocation &invocation);

} // namespace syncdeck::cli
