#pragma once

#include "store.h"

#include <QString>

// `--state FILE`: an exact JSON fixture instead of generated data. The format mirrors the wire
// shapes (see README, "The emulator"):
//   {"applications": [{"applicationId", "displayName", "status"?, "identityType"?, "createdAt"?,
//     "updatedAt"?, "indices": [{"indexId", "displayName", "status"?, "createdAt"?, "updatedAt"?,
//     "dataSources": [{"dataSourceId", "displayName", "type", "status"?, "createdAt"?,
//     "updatedAt"?, "description"?, "syncSchedule"?, "roleArn"?, "dataSourceArn"?,
//     "history": [DataSourceSyncJob as ListDataSourceSyncJobs returns it, any order]}]}]}]}
// Timestamps are epoch seconds (fractions allowed) or ISO 8601 strings.
namespace syncdeck::emulator {

// Reads and validates the fixture into *store. On failure *error names the file, the JSON path
// of the offending value and what was expected.
bool loadFixture(const QString &path, Store *store, QString *error);

} // namespace syncdeck::emulator
