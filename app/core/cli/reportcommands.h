#pragma once

#include "cli.h"

// The commands about a run's documents: get-sync-job-report (the run's document-level report
// from CloudWatch Logs) and list-documents (the index's documents and their current states, as
// `aws qbusiness list-documents`).
namespace syncdeck::cli {

int getSyncJobReport(Invocation &inv);
int listDocuments(Invocation &inv);

} // namespace syncdeck::cli
